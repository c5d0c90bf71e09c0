/**
 * "Still trying": a load that has not ended after SLOW_LOAD says so once, in the loading state and
 * through the live region, while the thread stays `aria-busy`. A reader then knows the page is not stuck,
 * long before the request's deadline (adapters/http.ts, 20 s) gives up and offers Retry. Time comes from
 * src/clock.ts, which tests move by hand.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clock } from '../../clock.js';

/** Milliseconds of loading before the reader is told it is still trying. */
export const SLOW_LOAD = 4000;

export class SlowLoadController implements ReactiveController {
  /** The load under way has taken longer than SLOW_LOAD. */
  slow = false;
  private timer: unknown;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called once per slow load, when it becomes slow (the element announces). */
    private readonly onSlow: () => void,
  ) {
    host.addController(this);
  }

  /** A load began: its time starts now (a load that replaces another starts afresh). */
  start(): void {
    this.stop();
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      this.slow = true;
      this.onSlow();
      this.host.requestUpdate();
    }, SLOW_LOAD);
  }

  /** The load ended or was dropped; true when it had been slow. */
  stop(): boolean {
    if (this.timer !== undefined) clock.clearTimeout(this.timer);
    this.timer = undefined;
    const was = this.slow;
    if (was) {
      this.slow = false;
      this.host.requestUpdate();
    }
    return was;
  }

  hostDisconnected(): void {
    this.stop();
  }
}
