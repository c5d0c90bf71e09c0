import { expect } from '@open-wc/testing';
import { nextTask } from '../src/tasks.js';

/** Keeps the main thread busy for `ms`, as a slice of rendering would. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

interface Scheduler {
  postTask: (callback: () => void, options: { priority: string }) => Promise<void>;
}
const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;

describe('nextTask', () => {
  it('resolves in a new task, after the microtasks queued before it', async () => {
    const order: string[] = [];
    const next = nextTask().then(() => order.push('task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await next;
    expect(order).to.deep.equal(['microtask', 'task']);
  });

  it('lets the page’s own tasks run while slices of work follow one another', async () => {
    // A task the page queued while a thread renders: it must not wait for the whole thread.
    let ranAfter = -1;
    let slices = 0;
    setTimeout(() => (ranAfter = slices));
    while (slices < 20) {
      busy(10);
      slices++;
      await nextTask();
    }
    // Slices of 10 ms get an ordinary task (where the page's tasks and a frame get their turn) every
    // 50 ms of work or so: the page's task runs at one of the first, not after all twenty slices.
    expect(ranAfter).to.be.within(1, 10);
  });

  it('queues slices ahead of other tasks between those chances, where the browser has scheduler.postTask', async function () {
    if (!scheduler) this.skip();
    const postTask = scheduler!.postTask;
    const priorities: string[] = [];
    scheduler!.postTask = (callback, options) => {
      priorities.push(options.priority);
      return postTask.call(scheduler, callback, options);
    };
    try {
      for (let i = 0; i < 8; i++) {
        busy(10);
        await nextTask();
      }
    } finally {
      scheduler!.postTask = postTask;
    }
    // Eight yields over 80 ms of work: most ahead of other tasks, at least one ordinary one in between.
    expect(priorities.length).to.be.within(4, 7);
    expect(priorities.every((p) => p === 'user-blocking')).to.equal(true);
  });
});
