/**
 * Yielding between slices of work (validating, decoding, rendering a large thread), so input and
 * rendering run in between and no task is long. The one place that decides when a slice ends and how
 * the next one is scheduled: every time-sliced loop in the library goes through `sliced()`.
 */
interface Scheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

/**
 * The longest run of slices without a chance for the browser to render: a frame at least this often
 * keeps the page visibly alive (about 20 a second) while a thread renders.
 */
const FRAME_MS = 50;
/** Milliseconds of work per slice: a long task is 50 ms, and style, layout and GC follow each slice. */
export const SLICE_MS = 8;

/** Where time and new tasks come from. Tests replace it to drive slices by hand (see `setTaskSource`). */
interface TaskSource {
  now(): number;
  /** Resolves in a new task, ahead of other tasks (`urgent`) or as an ordinary one. */
  next(urgent: boolean): Promise<void>;
}

const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;

/**
 * A new task. Not setTimeout(0): browsers clamp nested timers to 4 ms (HTML's timer initialisation
 * steps), which over the hundreds of slices of a 20,000-comment thread is a second of idling. Where the
 * browser has `scheduler.postTask`, slices follow one another as user-blocking tasks (input still goes
 * first); an ordinary task is a MessageChannel message, after which the browser renders a frame when
 * one is due.
 */
const browser: TaskSource = {
  now: () => performance.now(),
  next(urgent) {
    if (urgent && scheduler) return scheduler.postTask(() => undefined, { priority: 'user-blocking' });
    return new Promise<void>((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = () => {
        port1.close();
        resolve();
      };
      port2.postMessage(null);
    });
  },
};

let source: TaskSource = browser;
let lastChance = -Infinity;

/**
 * Replaces the clock and the task queue (tests: slices advance when the test says so, whatever the
 * machine's speed); without an argument, restores the browser's. Not part of the package's API.
 */
export function setTaskSource(replacement?: TaskSource): void {
  source = replacement ?? browser;
  lastChance = -Infinity;
}

/** The clock slices are measured with. */
export const now = (): number => source.now();

/**
 * Resolves in a new task: user-blocking while the last ordinary task is under FRAME_MS old, else an
 * ordinary one, so the browser renders at least every FRAME_MS while slices follow one another (a frame
 * after every slice made style, layout and paint a third of the time a thousand comments took).
 */
export function nextTask(): Promise<void> {
  const time = source.now();
  if (time - lastChance < FRAME_MS) return source.next(true);
  lastChance = time;
  return source.next(false);
}

/**
 * Calls `step` until it returns false, starting a new task whenever `ms` of work is used up; the clock
 * is read every `every` steps, as reading it is not free either. With `yieldFirst`, the first slice
 * starts in a task of its own (a big page apart from the task that parsed its JSON).
 */
export async function sliced(
  step: () => boolean,
  { ms = SLICE_MS, every = 1, yieldFirst = false }: { ms?: number; every?: number; yieldFirst?: boolean } = {},
): Promise<void> {
  if (yieldFirst) await nextTask();
  let deadline = source.now() + ms;
  for (let i = 1; step(); i++) {
    if (i % every === 0 && source.now() > deadline) {
      await nextTask();
      deadline = source.now() + ms;
    }
  }
}

/** `fn` for each item, in slices (see `sliced`); a list of more than `yieldAbove` items starts in a new task. */
export function eachSliced<T>(
  items: readonly T[],
  fn: (item: T, index: number) => void,
  { ms = SLICE_MS, yieldAbove = 20 }: { ms?: number; yieldAbove?: number } = {},
): Promise<void> {
  let i = 0;
  return sliced(
    () => {
      if (i >= items.length) return false;
      fn(items[i], i);
      i++;
      return true;
    },
    { ms, every: 16, yieldFirst: items.length > yieldAbove },
  );
}
