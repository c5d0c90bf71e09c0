/**
 * A clock the test moves by hand, installed in place of the package's (src/clock.ts): time limits,
 * backoff, deadlines and the element's "still trying" notice then fire when the test says, whatever the
 * machine's speed, and no test waits seconds of real time.
 */
import { clock, type Clock } from '../../src/clock.js';

interface Timer {
  id: number;
  due: number;
  run: () => void;
}

const realTimeout = globalThis.setTimeout.bind(globalThis);

/** Lets promise callbacks and the tasks they queue run (a real task, not a timer of the fake clock). */
export const settle = () => new Promise<void>((resolve) => realTimeout(resolve, 0));

export interface FakeClock {
  /** Milliseconds since the clock was installed. */
  readonly now: number;
  /** Timers waiting, soonest first: how long after now each is due. */
  pending(): number[];
  /** Moves time on by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): Promise<void>;
  /** Puts the package's own clock back. */
  restore(): void;
}

export function installFakeClock(): FakeClock {
  const saved: Clock = { ...clock };
  let now = 0;
  let ids = 0;
  let timers: Timer[] = [];
  Object.assign(clock, {
    now: () => now,
    setTimeout: (run: () => void, ms: number) => {
      const timer = { id: ++ids, due: now + Math.max(0, ms), run };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
  } satisfies Clock);
  return {
    get now() {
      return now;
    },
    pending: () => timers.map((t) => t.due - now).sort((a, b) => a - b),
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        await settle();
        const next = timers.filter((t) => t.due <= end).sort((a, b) => a.due - b.due || a.id - b.id)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.due;
        next.run();
      }
      now = end;
      await settle();
    },
    restore: () => void Object.assign(clock, saved),
  };
}
