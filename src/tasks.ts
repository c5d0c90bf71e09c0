/**
 * Resolves in a new task, so input and rendering can run before what follows. Not setTimeout(0):
 * browsers clamp nested timers to 4 ms (HTML's timer initialisation steps), which over the hundreds of
 * slices of a 20,000-comment thread is a second of idling.
 */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
