/**
 * The thread's data, apart from the element: loading pages through the adapter with cancellation,
 * validating what arrives, merging the visitor's own pending comments, and rendering large threads
 * progressively in chunks sized to stay well under a frame's worth of work each.
 */
import type { ReactiveControllerHost } from 'lit';
import { CommentThreadError } from '../../model/errors.js';
import type { CommentAdapter } from '../../adapters/types.js';
import { CommentErrorEvent, CommentLoadEvent } from '../../events.js';
import { languageOf, warmFormatters } from '../../i18n/index.js';
import { checkedPages, CommentSchema, type Comment, type Page } from '../../model/schemas.js';
import { anchored, buildThread, countThread, insertIntoThread, rootsOf, type ThreadNode } from '../../model/thread.js';
import { nextTask } from '../../tasks.js';
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

/** Comments rendered before the first paint: more than a screenful, and a first task well under 50 ms while the code is still cold. */
const FIRST = 20;
/**
 * Target milliseconds of script per progressive chunk. A long task is 50 ms; the style, layout and
 * garbage collection that follow a chunk, and a slower device than the one measured, need the rest.
 */
const CHUNK_MS = 20;
/** Bounds of a chunk, in comments: progress on a slow device, and no runaway after a few fast chunks. */
const MIN_CHUNK = 10;
const MAX_CHUNK = 400;
/**
 * Comments rendered on their own before "Load more comments" asks the reader: past a few thousand
 * comments, every frame's style, layout and content-visibility bookkeeping grows with the DOM until
 * frames themselves are long tasks (at 20,000 comments, frames of 100–500 ms in Chromium 156). A reader
 * who wants more gets the next batch, rendered the same way.
 */
const RENDER_LIMIT = 2000;
/**
 * Milliseconds of validation per task. By time, not count: zod without its JIT (as under a strict
 * Content-Security-Policy) takes about 75 µs per comment here, five times more than with it.
 */
const VALIDATE_MS = 8;

/** Where drafts and pending comments of a thread are kept: one backend, one post. */
export const scopeOf = (adapter: CommentAdapter | undefined, postId: string) => `${adapter?.key ?? ''}|${postId}`;

/** A new task, so input and rendering can run in between. */
const tick = nextTask;

export class Thread {
  /** The whole thread, built. */
  nodes: ThreadNode[] = [];
  /** Top-level subtrees rendered so far. */
  private shown = 0;
  /** Comments in those subtrees, and in the whole tree. */
  private rendered = 0;
  private size = 0;
  /** Comments progressive rendering may show before the reader asks for more. */
  private limit = RENDER_LIMIT;
  /** Rendering stopped at the limit with comments left: "Load more" shows them. */
  private paused = false;
  /** Top-level comments the visitor posted past the rendered ones, shown anyway. */
  private posted = new Set<string>();
  total: number | undefined;
  private cursor: string | null = null;
  loadingMore = false;
  /** Comments left out because they did not validate. */
  dropped = 0;
  private comments: Comment[] = [];
  private pending: Comment[] = [];
  /** Each comment's top-level comment, worked out when first asked (a reply form opens, a comment arrives). */
  private roots?: Map<string, string>;
  private controller?: AbortController;
  private generation = 0;
  /** Milliseconds one comment takes to render here, learned from each chunk; a first guess until then. */
  private msPerComment = 0.3;

  constructor(private readonly host: ThreadHost) {}

  get visible(): readonly ThreadNode[] {
    if (this.shown >= this.nodes.length) return this.nodes;
    const visible = this.nodes.slice(0, this.shown);
    if (this.posted.size) for (const node of this.nodes.slice(this.shown)) if (this.posted.has(node.comment.id)) visible.push(node);
    return visible;
  }
  get count(): number {
    return this.comments.length + this.pending.length;
  }
  /** More comments to show: loaded ones past the render limit, or another page from the backend. */
  get hasMore(): boolean {
    return this.paused || this.cursor !== null;
  }
  /** The top-level comment under which `id` is shown. */
  rootOf = (id: string): string | undefined => (this.roots ??= rootsOf(this.nodes)).get(id);

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
    const request = adapter.list({ postId: this.host.postId, order: this.host.order, signal: controller.signal });
    // The first Intl.DateTimeFormat of a page loads ICU's data, 20–50 ms: done while the request is in
    // flight (in a worker where one can start), instead of in the first paint of comments. After the
    // request has gone out: starting a worker is itself a few milliseconds of main thread.
    const host = this.host;
    if (host instanceof Element) void warmFormatters(languageOf(host));
    const page = await request;
    const comments = await this.validate(page);
    if (generation !== this.generation) return undefined;
    // Building a big tree is a task of its own, apart from the last validation slice.
    if (comments.length > FIRST) await tick();
    if (generation !== this.generation) return undefined;
    this.comments = comments;
    this.total = page.total;
    this.cursor = page.cursor ?? null;
    this.pending = loadPending(scopeOf(adapter, this.host.postId), new Set(comments.map((c) => c.id)));
    this.shown = 0;
    this.limit = RENDER_LIMIT;
    this.paused = false;
    this.posted.clear();
    this.rebuild();
    // The first comments render in a task of their own: at 20,000 comments the build alone is 20–50 ms.
    if (comments.length > FIRST) await tick();
    if (generation !== this.generation) return undefined;
    this.advance(FIRST);
    void this.progress(generation);
    return adapter;
  }

  /** Shows the next batch of loaded comments, or else loads the next page; keeps what is shown. */
  async loadMore(): Promise<void> {
    if (this.paused) return this.showMore();
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
      this.limit = Math.max(this.limit, this.rendered + RENDER_LIMIT);
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

  /** Shows the next RENDER_LIMIT comments already loaded, progressively, with the button busy meanwhile. */
  private async showMore(): Promise<void> {
    const generation = this.generation;
    this.limit = this.rendered + RENDER_LIMIT;
    this.paused = false;
    this.loadingMore = true;
    this.host.changed();
    await this.progress(generation);
    this.loadingMore = false;
    this.host.changed();
  }

  /** Rebuilds the tree from what is loaded (after a page arrives or the depth changes). */
  rebuild(): void {
    const all = [...this.comments, ...this.pending];
    this.nodes = buildThread(this.cursor !== null ? anchored(all) : all, { maxDepth: this.host.maxDepth, order: this.host.order });
    this.shown = Math.min(this.shown, this.nodes.length);
    this.rendered = 0;
    for (let i = 0; i < this.shown; i++) this.rendered += this.nodes[i].size;
    this.size = countThread(this.nodes);
    this.roots = undefined;
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
    const parentRoot = comment.parentId !== null ? this.rootOf(comment.parentId) : undefined;
    this.roots?.set(comment.id, parentRoot ?? comment.id);
    if (this.nodes.length > before) {
      // A new top-level comment: keep the same subtrees rendered, plus this one, wherever it landed.
      const index = this.nodes.findIndex((n) => n.comment.id === comment.id);
      if (index < this.shown || this.shown >= before) this.shown++;
      else this.posted.add(comment.id);
    }
    this.rendered++;
    this.size++;
    this.host.changed();
  }

  /** Shows more top-level subtrees, about `budget` comments' worth; returns how many comments it added. */
  private advance(budget: number): number {
    let added = 0;
    while (this.shown < this.nodes.length && added < budget) {
      const node = this.nodes[this.shown++];
      // A comment the visitor posted past the rendered ones is on screen already.
      if (!this.posted.delete(node.comment.id)) added += node.size;
    }
    this.rendered += added;
    return added;
  }

  /** Comments progressive rendering may still add before it waits for the reader; all of them when little is left past the limit. */
  private allowance(): number {
    return this.size - this.limit <= RENDER_LIMIT / 4 ? Infinity : this.limit - this.rendered;
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
      const allowance = this.allowance();
      if (allowance <= 0) {
        this.paused = true;
        this.host.changed();
        return;
      }
      const start = performance.now();
      const budget = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, CHUNK_MS / this.msPerComment), allowance);
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
    if (checkedPages.has(page)) return page.comments;
    const valid: Comment[] = [];
    let dropped = 0;
    const items = page.comments as unknown[];
    // A big page starts in a task of its own, apart from the one that parsed its JSON.
    if (items.length > FIRST) await tick();
    let deadline = performance.now() + VALIDATE_MS;
    for (let i = 0; i < items.length; i++) {
      // The clock is read every 16 comments: reading it is not free either.
      if ((i & 15) === 0 && i && performance.now() > deadline) {
        await tick();
        deadline = performance.now() + VALIDATE_MS;
      }
      const result = CommentSchema.safeParse(items[i]);
      if (result.success) valid.push(result.data);
      else dropped++;
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

