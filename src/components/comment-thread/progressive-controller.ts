/**
 * Progressive rendering, apart from the data: which comments are shown, in chunks sized to stay well
 * under a frame's worth of work each, up to a limit past which the reader asks for more. Chunks take
 * whole top-level subtrees, except a big one (a reply chain thousands deep, a comment with thousands of
 * replies), which is shown a chunk at a time in reading order: the first comments of it, then more.
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
/** A subtree this small is never cut: a chunk takes it whole, as a reader would want it. */
const WHOLE = 50;
/**
 * Comments of one top-level subtree shown before the reader asks for more ("Load more comments" shows
 * as many again). A list of thousands of replies under one comment (a 5,000-deep chain flattened at
 * the depth cap) made every frame's style, layout and content-visibility bookkeeping grow with it, to
 * 100–250 ms in Chromium 150, well before the thread's render limit; real threads stay far below this.
 */
const SUBTREE_LIMIT = 500;

/**
 * The first `count` comments of `node` in reading order (itself first); beyond them only the comments
 * in `extra` (replies the visitor posted past the cut), which show at once. Nodes shown whole keep their
 * identity, so the element re-renders only the path to the cut.
 */
export function cutSubtree(node: ThreadNode, count: number, extra: ReadonlySet<string> = new Set()): ThreadNode {
  if (count >= node.size) return node;
  const replies: ThreadNode[] = [];
  let left = count - 1;
  let i = 0;
  for (; i < node.replies.length && left > 0; i++) {
    const reply = node.replies[i];
    replies.push(reply.size <= left ? reply : cutSubtree(reply, left, extra));
    left -= Math.min(reply.size, left);
  }
  if (extra.size) for (; i < node.replies.length; i++) if (extra.has(node.replies[i].comment.id)) replies.push(node.replies[i]);
  return { ...node, replies, size: 1 + replies.reduce((n, r) => n + r.size, 0) };
}

/** Where `id` comes in `node`'s subtree in reading order (0: `node` itself), or -1. */
function positionIn(node: ThreadNode, id: string): number {
  const stack = [node];
  for (let at = 0; stack.length; at++) {
    const next = stack.pop()!;
    if (next.comment.id === id) return at;
    for (let i = next.replies.length - 1; i >= 0; i--) stack.push(next.replies[i]);
  }
  return -1;
}

export class ProgressiveController implements ReactiveController {
  private nodes: readonly ThreadNode[] = [];
  /** Top-level subtrees shown whole so far. */
  private shown = 0;
  /** Comments shown of the next one, `nodes[shown]`, in reading order: 0 while none is. */
  private partial = 0;
  /** How much of that subtree may be shown before the reader asks for more. */
  private partialLimit = SUBTREE_LIMIT;
  /** Replies the visitor posted into that subtree past what is shown of it: shown anyway. */
  private readonly postedInside = new Set<string>();
  /** Comments shown, and in the whole tree. */
  private rendered = 0;
  private size = 0;
  /** What `visible` last returned, and from what. */
  private cache?: { key: readonly unknown[]; visible: readonly ThreadNode[] };
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

  /**
   * The top-level subtrees to render now, the last one maybe cut. The same array until something
   * changes: a cut subtree is a new node, and a new node re-renders.
   */
  get visible(): readonly ThreadNode[] {
    if (this.shown >= this.nodes.length) return this.nodes;
    const key = [this.nodes, this.shown, this.partial, this.posted.size, this.postedInside.size];
    if (this.cache && this.cache.key.every((value, i) => value === key[i])) return this.cache.visible;
    const visible = this.nodes.slice(0, this.shown);
    if (this.partial > 0) visible.push(cutSubtree(this.nodes[this.shown], this.partial, this.postedInside));
    if (this.posted.size) {
      for (const node of this.nodes.slice(this.shown + (this.partial > 0 ? 1 : 0))) if (this.posted.has(node.comment.id)) visible.push(node);
    }
    this.cache = { key, visible };
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
    this.partial = 0;
    this.postedInside.clear();
    this.limit = RENDER_LIMIT;
    this.partialLimit = SUBTREE_LIMIT;
    this.paused = false;
    this.posted.clear();
    this.update(nodes);
  }

  /** The same thread, rebuilt (a page arrived, the depth changed): what was shown stays shown. */
  update(nodes: readonly ThreadNode[]): void {
    this.nodes = nodes;
    this.shown = Math.min(this.shown, nodes.length);
    if (this.shown === nodes.length) this.partial = 0;
    else if (this.partial >= nodes[this.shown].size) this.finishPartial();
    this.rendered = this.partial;
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
      if (index < this.shown || (index === this.shown && this.partial > 0) || this.shown >= before) this.shown++;
      else this.posted.add(id);
    } else if (this.partial > 0) {
      // Into the subtree being shown: before the cut it moves the cut along; past it, it shows anyway.
      const at = positionIn(nodes[this.shown], id);
      if (at >= 0 && at < this.partial) this.partial++;
      else if (at >= 0) this.postedInside.add(id);
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
    if (this.partial > 0) this.partialLimit = this.partial + SUBTREE_LIMIT;
    this.paused = false;
    this.busy = true;
    this.host.requestUpdate();
    await this.progress(generation);
    this.busy = false;
    this.host.requestUpdate();
  }

  /**
   * Shows about `budget` more comments: whole top-level subtrees, or the next part of a big one;
   * returns how many comments it added.
   */
  private advance(budget: number): number {
    let added = 0;
    while (this.shown < this.nodes.length && added < budget) {
      const node = this.nodes[this.shown];
      // A comment the visitor posted past the shown ones is on screen already.
      if (this.partial === 0 && this.posted.delete(node.comment.id)) {
        this.shown++;
        continue;
      }
      const rest = node.size - this.partial;
      const room = budget - added;
      if (rest <= room || rest <= WHOLE) {
        added += rest;
        this.finishPartial();
      } else {
        const take = Math.min(room, this.partialLimit - this.partial);
        if (take <= 0) break;
        this.partial += take;
        added += take;
      }
    }
    this.rendered += added;
    return added;
  }

  /** The subtree being shown is shown whole. */
  private finishPartial() {
    this.shown++;
    this.partial = 0;
    this.partialLimit = SUBTREE_LIMIT;
    this.postedInside.clear();
  }

  /** Comments that may still be added before waiting for the reader; all of them when little is left past the limit. */
  private allowance(): number {
    if (this.partial > 0 && this.partial >= this.partialLimit && this.nodes[this.shown].size - this.partial > WHOLE) return 0;
    return this.size - this.limit <= RENDER_LIMIT / 4 ? Infinity : this.limit - this.rendered;
  }

  /**
   * The rest, in chunks, one per task, each sized to take about CHUNK_MS. The cost of a comment is a
   * moving average: one chunk slowed by a garbage collection must not halve the next, nor one quick chunk
   * triple it.
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
