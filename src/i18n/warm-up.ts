/**
 * Loads ICU's data in a worker (src/intl-warm.ts), for pages without the script tag's loader, which
 * starts its own (src/script-tag.ts). Resolves when the worker has answered, or at once where none can
 * start (a script from another origin, a policy that forbids it), or after a second at most: the
 * formatters are then made on the main thread after all.
 */
export function warmInWorker(locale: string): Promise<void> {
  return new Promise<void>((resolve) => {
    let worker: Worker | undefined;
    const done = () => {
      worker?.terminate();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 1000);
    try {
      worker = new Worker(new URL('../intl-warm.js', import.meta.url), { type: 'module' });
      worker.onmessage = worker.onerror = done;
      worker.postMessage(locale);
    } catch {
      // The formatters are made on the main thread, in a task apart from the one asking.
      setTimeout(done);
    }
  });
}
