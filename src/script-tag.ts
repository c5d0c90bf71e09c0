/**
 * The script-tag build's entry (dist/comment-thread.js): a loader of about 1 kB gzip that imports the
 * element's code (src/script-element.ts, a chunk of its own) when a `<comment-thread>` or
 * `<comment-count>` is wanted; see loader.ts for when. Pages that want the classes themselves can
 * `await load()`.
 */
import { loadWhenWanted } from './loader.js';

let thread: Promise<typeof import('./script-element.js')> | undefined;
let count: Promise<typeof import('./script-count.js')> | undefined;

/**
 * Each built-in backend's chunk by `backend` name, `name=file;…` (in chunks/, without `.js`). The build
 * writes it in (vite.config.ts); from source there is none.
 */
const backendChunks = new Map('__BACKEND_CHUNKS__'.split(';').map((entry) => entry.split('=') as [string, string]));

/**
 * Imports the adapters of the threads on the page beside the element's chunk: otherwise each would be
 * asked for only once the element has arrived and run, and what it imports only once it has arrived in
 * turn. The element then finds it in the browser's module map. A failure is the element's to report,
 * when it imports the adapter itself.
 */
function preloadBackends() {
  for (const el of document.querySelectorAll('comment-thread')) {
    // A thread handed an adapter object uses no backend by name; else `memory`, as the element defaults.
    const file = !(el as { adapter?: unknown }).adapter && backendChunks.get(el.getAttribute('backend') || 'memory');
    if (file) import(/* @vite-ignore */ `./chunks/${file}.js`).catch(() => {});
  }
}

/**
 * Starts, in a worker, the loading of ICU's data that the page's first date formatter would otherwise do
 * on the main thread (about 15 ms, up to 50 on a slow phone), while the element's code is on its way: the
 * comments' dates then cost a fraction of a millisecond. The element finds it under this symbol (the
 * same as `LOADER_WARM_UP` in src/i18n/format.ts: a chunk of its own does not import the loader) and
 * warms up by itself where it is missing.
 */
function warmIntl() {
  try {
    const worker = new Worker(new URL('./intl-warm.js', import.meta.url), { type: 'module' });
    (globalThis as Record<symbol, unknown>)[Symbol.for('comment-thread:intl')] = new Promise<void>((resolve) => {
      worker.onmessage = worker.onerror = () => {
        worker.terminate();
        resolve();
      };
    });
    // Any locale will do: ICU's data is loaded once per process, whatever the locale.
    worker.postMessage(document.documentElement.lang || 'en');
  } catch {
    // No worker here (a policy forbids it): the element makes its formatters as it would without a loader.
  }
}

const loadThread = () => {
  if (!thread) {
    // The element's chunk first, the biggest of the three: creating the worker takes the main thread
    // a few milliseconds, which would otherwise come before its request.
    thread = import('./script-element.js');
    preloadBackends();
    warmIntl();
  }
  return thread;
};
// A page of post titles with their counts does not need the thread's code, nor a thread the count's.
const loadCount = () => (count ??= import('./script-count.js'));

/** Imports both elements' code now (once) and resolves with their classes: `CommentThread`, `CommentCount`. */
export async function load(): Promise<typeof import('./script-element.js') & typeof import('./script-count.js')> {
  const [threadModule, countModule] = await Promise.all([loadThread(), loadCount()]);
  return { ...threadModule, ...countModule };
}

loadWhenWanted(loadThread, 'comment-thread');
loadWhenWanted(loadCount, 'comment-count');
