/**
 * The script-tag build's entry (dist/comment-thread.js): a loader of about 1 kB gzip that imports the
 * element's code (src/script-element.ts, a chunk of its own) when a `<comment-thread>` or
 * `<comment-count>` is wanted; see loader.ts for when. Pages that want the classes themselves can
 * `await load()`.
 */
import { loadWhenWanted } from './loader.js';

let thread: Promise<typeof import('./script-element.js')> | undefined;
let count: Promise<typeof import('./script-count.js')> | undefined;
const loadThread = () => (thread ??= import('./script-element.js'));
// A page of post titles with their counts does not need the thread's code, nor a thread the count's.
const loadCount = () => (count ??= import('./script-count.js'));

/** Imports both elements' code now (once) and resolves with their classes: `CommentThread`, `CommentCount`. */
export async function load(): Promise<typeof import('./script-element.js') & typeof import('./script-count.js')> {
  const [threadModule, countModule] = await Promise.all([loadThread(), loadCount()]);
  return { ...threadModule, ...countModule };
}

loadWhenWanted(loadThread, 'comment-thread');
loadWhenWanted(loadCount, 'comment-count');
