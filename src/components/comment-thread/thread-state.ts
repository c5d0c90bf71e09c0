/**
 * The thread's data, apart from the element: loading pages through the adapter with cancellation,
 * validating what arrives, merging the visitor's own pending comments, and rendering large threads
 * progressively in chunks sized to stay well under a frame's worth of work each.
 */
import type { ReactiveControllerHost } from 'lit';
import { CommentThreadError } from '../../adapters/errors.js';
import type { CommentAdapter } from '../../adapters/types.js';
import { CommentErrorEvent, CommentLoadEvent } from '../../events.js';
import { CommentSchema, type Comment, type Page } from '../../model/schemas.js';
import { buildThread, insertIntoThread, type ThreadNode } from '../../model/thread.js';
import { loadPending, savePending } from '../../storage.js';

/** What the thread needs from its element. */
export interface ThreadHost extends ReactiveControllerHost, EventTarget {
  readonly postId: string;
  readonly order: 'oldest' | 'newest';
  readonly maxDepth: number;
  readonly currentAdapter: CommentAdapter | undefined;
  changed(what?: { announce?: string }): void;
  readonly strings: { loadError: string };
}

/** Comments rendered before the first paint: about a screenful and a half. */
const FIRST = 40;
/**
 * Target milliseconds of script per progressive chunk. A long task is 50 ms; the style, layout and
 * garbage collection that follow a chunk, and a slower device than the one measured, need the rest.
 */
const CHUNK_MS = 10;
/** Bounds of a chunk, in comments: progress on a slow device, and no runaway after a few fast chunks. */
const MIN_CHUNK = 10;
const MAX_CHUNK = 400;
/** Comments validated per slice, yielding between slices. */
const VALIDATE_SLICE = 1000;

/** Where drafts and pending comments of a thread are kept: one backend, one post. */
export const scopeOf = (adapter: CommentAdapter | undefined, postId: string) => `${adapter?.key ?? ''}|${postId}`;

/**
 * Resolves in a new task, so input and rendering can run in between. Not setTimeout(0): browsers clamp
 * nested timers to 4 ms (HTML's timer initialisation steps), which at 20,000 comments is a second of idling.
 */
const tick = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

export class Thread {
  /** The whole thread, built. */
  nodes: ThreadNode[] = [];
  /** Top-level subtrees rendered so far. */
  private shown = 0;
  total: number | undefined;
  private cursor: string | null = null;
  loadingMore = false;
  /** Comments left out because they did not validate. */
  dropped = 0;
  private comments: Comment[] = [];
  private pending: Comment[] = [];
  private roots = new Map<string, string>();
  private controller?: AbortController;
  private generation = 0;
  /** Milliseconds one comment takes to render here, learned from each chunk; a first guess until then. */
  private msPerComment = 0.1;

  constructor(private readonly host: ThreadHost) {}

  get visible(): readonly ThreadNode[] {
    return this.shown >= this.nodes.length ? this.nodes : this.nodes.slice(0, this.shown);
  }
  get count(): number {
    return this.comments.length + this.pending.length;
  }
  get hasMore(): boolean {
    return this.cursor !== null;
  }
  /** The top-level comment under which `id` is shown. */
  rootOf = (id: string): string | undefined => this.roots.get(id);

  abort(): void {
    this.generation++;
    this.controller?.abort();
  }

  /** Loads the first page; resolves to the adapter, or undefined when a newer load superseded it. */
  async load(resolve: () => Promise<CommentAdapter>): Promise<CommentAdapter | undefined> {
    this.abort();
    const generation = this.generation;
    const controller = (this.controller = new AbortController());
    const adapter = await resolve();
    if (generation !== this.generation) return undefined;
    const page = await adapter.list({ postId: this.host.postId, order: this.host.order, signal: controller.signal });
    const comments = await this.validate(page);
    if (generation !== this.generation) return undefined;
    // Building a big tree is a task of its own, apart from the last validation slice.
    if (comments.length > VALIDATE_SLICE) await tick();
    if (generation !== this.generation) return undefined;
    this.comments = comments;
    this.total = page.total;
    this.cursor = page.cursor ?? null;
    this.pending = loadPending(scopeOf(adapter, this.host.postId), new Set(comments.map((c) => c.id)));
    this.shown = 0;
    this.rebuild();
    this.advance(FIRST);
    void this.progress(generation);
    return adapter;
  }

  /** Loads the next page, keeping what is shown. */
  async loadMore(): Promise<void> {
    const adapter = this.host.currentAdapter;
    if (!adapter || this.cursor === null || this.loadingMore) return;
    const generation = this.generation;
    this.loadingMore = true;
    this.host.changed();
    try {
      const page = await adapter.list({
        postId: this.host.postId,
        order: this.host.order,
        cursor: this.cursor,
        signal: this.controller!.signal,
      });
      const comments = await this.validate(page);
      if (generation !== this.generation) return;
      const known = new Set(this.comments.map((c) => c.id));
      this.comments.push(...comments.filter((c) => !known.has(c.id)));
      this.pending = this.pending.filter((p) => !known.has(p.id) && !comments.some((c) => c.id === p.id));
      this.cursor = page.cursor ?? null;
      if (page.total !== undefined) this.total = page.total;
      this.rebuild();
      this.advance(FIRST);
      void this.progress(generation);
      this.host.dispatchEvent(new CommentLoadEvent({ count: this.count, total: this.total }));
    } catch (error) {
      const failure = CommentThreadError.from(error);
      if (failure.code !== 'aborted') {
        this.host.dispatchEvent(new CommentErrorEvent({ error: failure, phase: 'load' }));
        this.host.changed({ announce: `${this.host.strings.loadError} ${failure.message}` });
      }
    } finally {
      this.loadingMore = false;
      this.host.changed();
    }
  }

  /** Rebuilds the tree from what is loaded (after a page arrives or the depth changes). */
  rebuild(): void {
    const all = [...this.comments, ...this.pending];
    this.nodes = buildThread(this.hasMore ? anchored(all) : all, { maxDepth: this.host.maxDepth, order: this.host.order });
    this.roots.clear();
    for (const top of this.nodes) {
      const stack = [top];
      while (stack.length) {
        const node = stack.pop()!;
        this.roots.set(node.comment.id, top.comment.id);
        stack.push(...node.replies);
      }
    }
    this.host.changed();
  }

  /** Adds a comment just posted, in place, re-rendering only its subtree. */
  insert(comment: Comment, scope: string): void {
    if (comment.status === 'pending') {
      this.pending.push(comment);
      savePending(scope, comment);
    } else {
      this.comments.push(comment);
    }
    if (this.total !== undefined && comment.status === 'approved') this.total++;
    const before = this.nodes.length;
    this.nodes = insertIntoThread(this.nodes, comment, { maxDepth: this.host.maxDepth, order: this.host.order });
    const parentRoot = comment.parentId !== null ? this.roots.get(comment.parentId) : undefined;
    this.roots.set(comment.id, parentRoot ?? comment.id);
    if (this.nodes.length > before) {
      // A new top-level comment: keep the same subtrees rendered, plus this one.
      const index = this.nodes.findIndex((n) => n.comment.id === comment.id);
      if (index < this.shown || this.shown >= before) this.shown++;
    }
    this.host.changed();
  }

  /** Shows more top-level subtrees, about `budget` comments' worth; returns how many comments it added. */
  private advance(budget: number): number {
    let added = 0;
    while (this.shown < this.nodes.length && added < budget) added += this.nodes[this.shown++].size;
    return added;
  }

  /**
   * Renders the rest in chunks, one per task, each sized to take about CHUNK_MS. The cost of a comment
   * is a moving average: one chunk slowed by a garbage collection must not halve the next, nor one
   * quick chunk triple it. A single top-level subtree is never split, so one with hundreds of replies
   * is a chunk of its own.
   */
  private async progress(generation: number): Promise<void> {
    while (this.shown < this.nodes.length) {
      await tick();
      if (generation !== this.generation) return;
      const start = performance.now();
      const budget = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, CHUNK_MS / this.msPerComment));
      const added = this.advance(budget);
      this.host.changed();
      await this.host.updateComplete;
      const took = performance.now() - start;
      this.msPerComment = 0.7 * this.msPerComment + (0.3 * took) / Math.max(added, 1);
    }
  }

  /**
   * Every comment's shape, checked in slices (a custom adapter may return anything). A malformed
   * page fails; a malformed comment in a valid page is left out and counted.
   */
  private async validate(page: Page): Promise<Comment[]> {
    if (!page || typeof page !== 'object' || !Array.isArray(page.comments)) {
      throw new CommentThreadError('invalid-response', 'The comment backend returned no list of comments.');
    }
    const valid: Comment[] = [];
    let dropped = 0;
    for (let i = 0; i < page.comments.length; i += VALIDATE_SLICE) {
      if (i) await tick();
      for (const item of page.comments.slice(i, i + VALIDATE_SLICE)) {
        const result = CommentSchema.safeParse(item);
        if (result.success) valid.push(result.data);
        else dropped++;
      }
    }
    if (dropped) {
      this.dropped += dropped;
      this.host.dispatchEvent(
        new CommentErrorEvent({
          error: new CommentThreadError('invalid-response', `${dropped} malformed comment(s) from the backend were left out.`),
          phase: 'load',
        }),
      );
    }
    return valid;
  }
}

/** The comments whose chain of parents reaches the top within what is loaded (others wait for a later page). */
function anchored(comments: readonly Comment[]): Comment[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const ok = new Map<string, boolean>();
  const check = (start: Comment): boolean => {
    const path = new Set<string>();
    let current: Comment | undefined = start;
    let result = false;
    while (current) {
      const known = ok.get(current.id);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (path.has(current.id)) break; // a cycle: not anchored
      path.add(current.id);
      if (current.parentId === null) {
        result = true;
        break;
      }
      current = byId.get(current.parentId);
    }
    for (const id of path) ok.set(id, result);
    return result;
  };
  return comments.filter(check);
}
