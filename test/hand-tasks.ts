// A task queue the test drives by hand (src/tasks.ts `setTaskSource`): each slice of time-sliced work
// waits until the test runs it, so "the rest follows in later tasks" holds however fast or busy the
// machine is, and no test measures time.
import { setTaskSource } from '../src/tasks.js';

/** Slices waiting for their next task: each resolves only when the test runs it. */
const queue: (() => void)[] = [];
/** A turn of the real event loop, for the promises and Lit updates a slice started. */
export const turn = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * From now on, slices wait for the test. The clock stands still, so work sliced by time runs on until
 * it yields of its own accord; with `ticking`, each reading of the clock is a millisecond later, so
 * such work yields after a fixed number of steps, as if each step took that long.
 */
export function byHand({ ticking = false } = {}) {
  queue.length = 0;
  let time = 0;
  setTaskSource({ now: () => (ticking ? time++ : time), next: () => new Promise<void>((resolve) => queue.push(resolve)) });
}

/** The browser's own queue again; whatever waited finishes on it. */
export function byBrowser() {
  setTaskSource();
  queue.splice(0).forEach((resume) => resume());
}

/** Tasks waiting. */
export const waiting = () => queue.length;

/** Runs the next waiting task and lets what it started settle; false when none was waiting. */
export async function runOne(): Promise<boolean> {
  await turn();
  const next = queue.shift();
  if (!next) return false;
  next();
  await turn();
  return true;
}

/** Runs waiting tasks one at a time until `done()`; fails if the queue empties first. */
export async function runUntil(done: () => boolean, what: string) {
  for (;;) {
    await turn();
    if (done()) return;
    const next = queue.shift();
    if (!next) throw new Error(`nothing left to run, and ${what}`);
    next();
  }
}
