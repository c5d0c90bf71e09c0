import { expect } from '@open-wc/testing';
import { eachSliced, nextTask, now, setTaskSource, sliced } from '../src/tasks.js';

/**
 * A clock that moves only when the test moves it, and a task queue that records what was asked of it:
 * slices end where the code says they do, whatever the machine's speed.
 */
function fakeSource() {
  const fake = {
    time: 1000,
    reads: 0,
    /** One entry per new task asked for: whether it was to go ahead of other tasks. */
    tasks: [] as boolean[],
    /** What happened, in order: 'task' for each new task, and whatever the test's steps log. */
    events: [] as string[],
  };
  setTaskSource({
    now: () => (fake.reads++, fake.time),
    next(urgent) {
      fake.tasks.push(urgent);
      fake.events.push('task');
      return Promise.resolve();
    },
  });
  return fake;
}

afterEach(() => setTaskSource());

describe('nextTask', () => {
  it('resolves in a new task, after the microtasks queued before it', async () => {
    const order: string[] = [];
    const next = nextTask().then(() => order.push('task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await next;
    expect(order).to.deep.equal(['microtask', 'task']);
  });

  it('asks for an ordinary task (a chance to render) at least every 50 ms of work, user-blocking ones between', async () => {
    const fake = fakeSource();
    for (let slice = 0; slice < 12; slice++) {
      await nextTask();
      fake.time += 10;
    }
    // Ordinary at 0 ms, 50 ms and 100 ms of work; ahead of other tasks in between.
    expect(fake.tasks.map((urgent) => (urgent ? 'U' : 'o')).join('')).to.equal('oUUUUoUUUUoU');
  });

  it('gives the page a chance at once after a long pause, whatever came before', async () => {
    const fake = fakeSource();
    await nextTask();
    fake.time += 5;
    await nextTask();
    fake.time += 500;
    await nextTask();
    expect(fake.tasks).to.deep.equal([false, true, false]);
  });

  it('in the browser, goes ahead of other tasks with scheduler.postTask where it exists', async function () {
    interface Scheduler {
      postTask: (callback: () => void, options: { priority: string }) => Promise<void>;
    }
    const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
    if (!scheduler) this.skip();
    // The browser's own source, on a clock the test holds still: every task after the first is urgent.
    const postTask = scheduler!.postTask;
    const priorities: string[] = [];
    // An own property over Performance.prototype.now, deleted afterwards.
    Object.defineProperty(performance, 'now', { configurable: true, value: () => 1000 });
    scheduler!.postTask = (callback, options) => {
      priorities.push(options.priority);
      return postTask.call(scheduler, callback, options);
    };
    try {
      setTaskSource();
      for (let i = 0; i < 4; i++) await nextTask();
    } finally {
      delete (performance as { now?: unknown }).now;
      scheduler!.postTask = postTask;
    }
    expect(priorities).to.deep.equal(['user-blocking', 'user-blocking', 'user-blocking']);
  });

  it('reads the browser’s clock once its source is restored', () => {
    fakeSource();
    expect(now()).to.equal(1000);
    setTaskSource();
    const before = performance.now();
    const read = now();
    expect(read).to.be.within(before, performance.now());
  });
});

describe('sliced', () => {
  it('ends a slice on the first step after the clock passes the budget', async () => {
    const fake = fakeSource();
    let steps = 0;
    await sliced(
      () => {
        if (steps === 10) return false;
        fake.events.push(`step ${++steps}`);
        fake.time += 3;
        return true;
      },
      { ms: 8 },
    );
    // 3 ms a step: the third step of each slice takes it past 8 ms.
    expect(fake.events.join(', ')).to.equal(
      'step 1, step 2, step 3, task, step 4, step 5, step 6, task, step 7, step 8, step 9, task, step 10',
    );
  });

  it('reads the clock only every `every` steps, so a slice ends on one of those', async () => {
    const fake = fakeSource();
    let steps = 0;
    await sliced(
      () => {
        if (steps === 12) return false;
        fake.events.push(String(++steps));
        fake.time += 10;
        return true;
      },
      { ms: 8, every: 4 },
    );
    // Every step alone is past the budget, yet the slices end on steps 4, 8 and 12 only.
    expect(fake.events.join(' ')).to.equal('1 2 3 4 task 5 6 7 8 task 9 10 11 12 task');
  });

  it('reads the clock once to start and then once every `every` steps while within the budget', async () => {
    const fake = fakeSource();
    let steps = 0;
    await sliced(() => ++steps <= 12, { ms: 8, every: 4 });
    expect(fake.reads).to.equal(1 + 3);
    expect(fake.tasks).to.deep.equal([]);
  });

  it('runs the first step at once, or in a new task with yieldFirst', async () => {
    fakeSource();
    let first = 0;
    const atOnce = sliced(() => (first++, false));
    expect(first, 'without yieldFirst').to.equal(1);
    await atOnce;
    let later = 0;
    const deferred = sliced(() => (later++, false), { yieldFirst: true });
    expect(later, 'with yieldFirst, nothing before the new task').to.equal(0);
    await deferred;
    expect(later).to.equal(1);
  });

  it('keeps going in one slice while the clock stays within the budget', async () => {
    const fake = fakeSource();
    let steps = 0;
    await sliced(() => ++steps <= 1000, { ms: 8 });
    expect(steps).to.equal(1001);
    expect(fake.tasks).to.deep.equal([]);
  });
});

describe('eachSliced', () => {
  it('calls fn for every item in order with its index, reading the clock every 16 items', async () => {
    const fake = fakeSource();
    const items = Array.from({ length: 40 }, (_, i) => `item${i}`);
    const seen: string[] = [];
    await eachSliced(items, (item, index) => {
      seen.push(`${index}:${item}`);
      fake.events.push(String(index));
      fake.time += 10;
    });
    expect(seen).to.deep.equal(items.map((item, i) => `${i}:${item}`));
    // More than 20 items: the first slice starts in a new task; then every 16th item may end a slice.
    expect(fake.events[0]).to.equal('task');
    expect(fake.events.filter((e) => e === 'task')).to.have.length(3);
    expect(fake.events.indexOf('task', 1)).to.equal(1 + 16);
  });

  it('starts a short list at once, and a long one (over yieldAbove items) in a new task', async () => {
    const fake = fakeSource();
    const seen: number[] = [];
    const short = eachSliced([1, 2, 3], (n) => seen.push(n), { yieldAbove: 3 });
    // Within the budget, a short list is done in the caller's task.
    expect(seen, 'a short list starts at once').to.deep.equal([1, 2, 3]);
    await short;
    expect(fake.tasks).to.have.length(0);
    seen.length = 0;
    const long = eachSliced([1, 2, 3, 4], (n) => seen.push(n), { yieldAbove: 3 });
    expect(seen, 'a long list waits for a new task').to.deep.equal([]);
    await long;
    expect(seen).to.deep.equal([1, 2, 3, 4]);
    expect(fake.tasks).to.have.length(1);
  });

  it('resolves for an empty list without calling fn', async () => {
    fakeSource();
    let calls = 0;
    await eachSliced([], () => calls++);
    expect(calls).to.equal(0);
  });
});
