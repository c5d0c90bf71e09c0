/**
 * The time behind the package's waits: HTTP time limits, backoff and a whole load's deadline
 * (adapters/http.ts), and the element's "still trying" notice. Not part of the package's API (not in
 * index.ts, no `exports` entry): tests replace these functions to move time by hand, so that no test
 * waits seconds of real time and none depends on how fast the machine is.
 */
export interface Clock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export const clock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};
