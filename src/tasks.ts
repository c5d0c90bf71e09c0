/**
 * Yielding between slices of work (validating, decoding, rendering a large thread), so input and
 * rendering run in between and no task is long.
 */
interface Scheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' | 'user-visible' | 'background' }): Promise<void>;
}

/**
 * The longest run of slices without a chance for the browser to render: a frame at least this often
 * keeps the page visibly alive (about 20 a second) while a thread renders.
 */
const FRAME_MS = 50;

let lastChance = -Infinity;
const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;

/**
 * Resolves in a new task. Not setTimeout(0): browsers clamp nested timers to 4 ms (HTML's timer
 * initialisation steps), which over the hundreds of slices of a 20,000-comment thread is a second of
 * idling. Where the browser has `scheduler.postTask`, slices follow one another as user-blocking tasks
 * (input still goes first) and only every FRAME_MS as an ordinary task, where the browser renders a
 * frame when one is due: a frame after every slice made style, layout and paint a third of the time a
 * thousand comments took to render.
 */
export const nextTask = (): Promise<void> => {
  const now = performance.now();
  if (scheduler && now - lastChance < FRAME_MS) return scheduler.postTask(() => undefined, { priority: 'user-blocking' });
  lastChance = now;
  return new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
};
