/**
 * Progressive rendering, apart from the data: which top-level subtrees are shown, in chunks sized to
 * stay well under a frame's worth of work each, up to a limit past which the reader asks for more.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { countThread, type ThreadNode } from '../../model/thread.js';
import { nextTask, now } from '../../tasks.js';

/** Comments rendered before the first paint: more than a screenful, and a first task well under 50 ms while the code is still cold. */
export const FIRST = 20;
/**
 * Target milliseconds of script per chunk. A long task is 50 ms; the style, layout and garbage
 * collection that follow a chunk, and a slower device than the one measured, need the rest.
 */
const CHUNK_MS = 20;
/** Bounds of a chunk, in comments: progress on a slow device, and no runaway after a few fast chunks. */
const MIN_CHUNK = 10;
const MAX_CHUNK = 400;
/**
 * Comments rendered on their own before "Load more comments" asks the reader: past a few thousand
 * comments, every frame's style, layout and content-visibility bookkeeping grows with the DOM until
 * frames themselves are long tasks (at 20,000 comments, frames of 100–500 ms in Chromium 156).
 */
const RENDER_LIMIT = 2000;

export class ProgressiveController implements ReactiveController {
  private nodes: readonly ThreadNode[] = [];
  /** Top-level subtrees shown so far. */
  private shown = 0;
  /** Comments in those subtrees, and in the whole tree. */
  private rendered = 0;
  private size = 0;
  /** Comments that may be shown before the reader asks for more. */
  private limit = RENDER_LIMIT;
  /** Stopped at the limit with comments left: "Load more" shows them. */
  paused = false;
  /** Showing the next batch after "Load more". */
  busy = false;
  /** Top-level comments the visitor posted past the shown ones, shown anyway. */
  private readonly posted = new Set<string>();
  private generation = 0;
  /** Milliseconds one comment takes to render here, learned from each chunk; a first guess until then. */
  private msPerComment = 0.3;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The top-level subtrees to render now. */
  get visible(): readonly ThreadNode[] {
    if (this.shown >= this.nodes.length) return this.nodes;
    const visible = this.nodes.slice(0, this.shown);
    if (this.posted.size) for (const node of this.nodes.slice(this.shown)) if (this.posted.has(node.comment.id)) visible.push(node);
    return visible;
  }

  /** Stops rendering further chunks. */
  stop(): void {
    this.generation++;
  }

  /** A new thread: nothing shown yet. */
  reset(nodes: readonly ThreadNode[]): void {
    this.stop();
    this.shown = 0;
    this.limit = RENDER_LIMIT;
    this.paused = false;
    this.posted.clear();
    this.update(nodes);
  }

  /** The same thread, rebuilt (a page arrived, the depth changed): what was shown stays shown. */
  update(nodes: readonly ThreadNode[]): void {
    this.nodes = nodes;
    this.shown = Math.min(this.shown, nodes.length);
    this.rendered = 0;
    for (let i = 0; i < this.shown; i++) this.rendered += nodes[i].size;
    this.size = countThread(nodes);
  }

  /** Another page arrived: it may show up to RENDER_LIMIT more. */
  extend(): void {
    this.limit = Math.max(this.limit, this.rendered + RENDER_LIMIT);
  }

  /** A comment was inserted into `nodes`; a new top-level one shows at once wherever it landed. */
  inserted(nodes: readonly ThreadNode[], id: string, topLevel: boolean): void {
    const before = this.nodes.length;
    this.nodes = nodes;
    if (topLevel) {
      const index = nodes.findIndex((n) => n.comment.id === id);
      if (index < this.shown || this.shown >= before) this.shown++;
      else this.posted.add(id);
    }
    this.rendered++;
    this.size++;
  }

  /** Shows the first chunk now, then the rest chunk by chunk; resolves when done or paused. */
  async start(first = FIRST): Promise<void> {
    const generation = this.generation;
    this.advance(first);
    this.host.requestUpdate();
    await this.progress(generation);
  }

  /** After "Load more": the next RENDER_LIMIT comments already loaded, with the button busy meanwhile. */
  async showMore(): Promise<void> {
    const generation = ++this.generation;
    this.limit = this.rendered + RENDER_LIMIT;
    this.paused = false;
    this.busy = true;
    this.host.requestUpdate();
    await this.progress(generation);
    this.busy = false;
    this.host.requestUpdate();
  }

  /** Shows more top-level subtrees, about `budget` comments' worth; returns how many comments it added. */
  private advance(budget: number): number {
    let added = 0;
    while (this.shown < this.nodes.length && added < budget) {
      const node = this.nodes[this.shown++];
      // A comment the visitor posted past the shown ones is on screen already.
      if (!this.posted.delete(node.comment.id)) added += node.size;
    }
    this.rendered += added;
    return added;
  }

  /** Comments that may still be added before waiting for the reader; all of them when little is left past the limit. */
  private allowance(): number {
    return this.size - this.limit <= RENDER_LIMIT / 4 ? Infinity : this.limit - this.rendered;
  }

  /**
   * The rest, in chunks, one per task, each sized to take about CHUNK_MS. The cost of a comment is a
   * moving average: one chunk slowed by a garbage collection must not halve the next, nor one quick chunk
   * triple it. A single top-level subtree is never split, so one with hundreds of replies is a chunk.
   */
  private async progress(generation: number): Promise<void> {
    while (this.shown < this.nodes.length) {
      await nextTask();
      if (generation !== this.generation) return;
      const allowance = this.allowance();
      if (allowance <= 0) {
        this.paused = true;
        this.host.requestUpdate();
        return;
      }
      const start = now();
      const added = this.advance(Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, CHUNK_MS / this.msPerComment), allowance));
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.msPerComment = 0.7 * this.msPerComment + (0.3 * (now() - start)) / Math.max(added, 1);
    }
  }
}
