/**
 * The thread's data: loading pages through the adapter with cancellation, the one validation policy,
 * the visitor's own pending comments merged in, and the tree built from it all. It reports what happened
 * (returned outcomes, thrown errors) and asks the host to render; the element dispatches the events.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentAdapter } from '../../adapters/types.js';
import { checkPage, type CheckedPage } from '../../model/page.js';
import type { Comment } from '../../model/schemas.js';
import { anchored, buildThread, countThread, insertIntoThread, rootsOf, type ThreadNode } from '../../model/thread.js';
import type { ThreadChange, ThreadHeld } from '../../model/thread-change.js';
import { loadPending, savePending } from '../../storage.js';
import { nextTask } from '../../tasks.js';
import { FIRST, ProgressiveController } from './progressive-controller.js';

/** What the thread reads from its element when it loads or builds. */
export interface ThreadContext {
  postId: string;
  order: 'oldest' | 'newest';
  /** The deepest level shown. */
  maxDepth: number;
}

/** A page that arrived, as the element reports it. */
export interface PageOutcome {
  /** Comments the thread holds now. */
  count: number;
  total: number | undefined;
  /** Comments of this page left out (malformed or repeated), and where they went wrong. */
  dropped: number;
  problems: readonly string[];
}

/** Where drafts and pending comments of a thread are kept: one backend, one post. */
export const scopeOf = (adapter: CommentAdapter | undefined, postId: string) => `${adapter?.key ?? ''}|${postId}`;

export class ThreadController implements ReactiveController {
  /** The whole thread, built. */
  nodes: ThreadNode[] = [];
  /** The adapter of the last load. */
  adapter?: CommentAdapter;
  private total: number | undefined;
  private cursor: string | null = null;
  loadingMore = false;
  /** Comments left out since the first page: malformed, or the same id twice. */
  dropped = 0;
  private comments: Comment[] = [];
  private pending: Comment[] = [];
  /** Comments held that are "Comment deleted" placeholders: in the tree, not in the heading's count. */
  private placeholders = 0;
  /** Each comment's top-level comment, worked out when first asked (a reply form opens, a comment arrives). */
  private roots?: Map<string, string>;
  private controller?: AbortController;
  private generation = 0;
  readonly progressive: ProgressiveController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: () => ThreadContext,
  ) {
    host.addController(this);
    this.progressive = new ProgressiveController(host);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Where this thread's drafts and pending comments are kept. */
  get scope(): string {
    return scopeOf(this.adapter, this.context().postId);
  }

  /** Comments held, the visitor's pending ones included. */
  get count(): number {
    return this.comments.length + this.pending.length;
  }

  /** What the heading counts: the backend's total while pages remain (less what could not be shown), else what is held. */
  get shownTotal(): number {
    const held = countThread(this.nodes) - this.placeholders;
    return this.cursor !== null && this.total !== undefined ? Math.max(this.total - this.dropped, held) : held;
  }

  /** More comments to show: loaded ones past the render limit, or another page from the backend. */
  get hasMore(): boolean {
    return this.progressive.paused || this.cursor !== null;
  }

  /** The top-level comment under which `id` is shown. */
  rootOf = (id: string): string | undefined => (this.roots ??= rootsOf(this.nodes)).get(id);

  abort(): void {
    this.generation++;
    this.controller?.abort();
    this.progressive.stop();
  }

  /**
   * Loads the first page through the adapter `resolve` gives; undefined when a newer load superseded this
   * one. `sent` runs once the request is on its way (work that can overlap the network goes there).
   * `first` is a first page the document already holds (light-dom.ts): checked like a fetched one, with
   * nothing requested and no adapter loaded yet; `attach()` brings the adapter for the rest.
   */
  async load(resolve: () => Promise<CommentAdapter>, sent?: () => void, first?: unknown): Promise<PageOutcome | undefined> {
    this.abort();
    const generation = this.generation;
    const controller = (this.controller = new AbortController());
    const adapter = first === undefined ? await resolve() : undefined;
    if (generation !== this.generation) return undefined;
    const { postId, order } = this.context();
    const request = adapter ? adapter.list({ postId, order, signal: controller.signal }) : first;
    sent?.();
    const page = await checkPage(await request);
    if (generation !== this.generation) return undefined;
    // Building a big tree is a task of its own, apart from the last validation slice.
    if (page.comments.length > FIRST) await nextTask();
    if (generation !== this.generation) return undefined;
    this.adapter = adapter;
    this.comments = page.comments;
    this.total = page.total;
    this.cursor = page.cursor;
    this.dropped = page.malformed + page.duplicates;
    this.pending = adapter ? loadPending(this.scope, new Set(page.comments.map((c) => c.id))) : [];
    this.build();
    this.progressive.reset(this.nodes);
    // The first comments render in a task of their own: at 20,000 comments the build alone is 20–50 ms.
    if (page.comments.length > FIRST) await nextTask();
    if (generation !== this.generation) return undefined;
    void this.progressive.start();
    return this.outcome(page);
  }

  /**
   * The adapter, after a first page from the document: it serves later pages and posting, and names
   * where the visitor's pending comments are kept. False when a newer load superseded this one.
   */
  async attach(resolve: () => Promise<CommentAdapter>): Promise<boolean> {
    const generation = this.generation;
    const adapter = await resolve();
    if (generation !== this.generation) return false;
    // What the first page's request would have told the adapter (who is signed in), before the forms show.
    const { postId, order } = this.context();
    if (this.controller) await adapter.attach?.({ postId, order, signal: this.controller.signal });
    if (generation !== this.generation) return false;
    this.adapter = adapter;
    this.pending = loadPending(this.scope, new Set(this.comments.map((c) => c.id)));
    if (this.pending.length) this.rebuild();
    else this.host.requestUpdate();
    return true;
  }

  /**
   * Shows the next batch of loaded comments, or else loads the next page; keeps what is shown. With
   * `cursor`, loads that page instead (a merged thread's retry of the sources that failed).
   */
  async loadMore(cursor = this.cursor): Promise<PageOutcome | undefined> {
    if (cursor === this.cursor && this.progressive.paused) {
      await this.progressive.showMore();
      return undefined;
    }
    const adapter = this.adapter;
    if (!adapter || cursor === null || this.loadingMore || !this.controller) return undefined;
    const generation = this.generation;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const { postId, order } = this.context();
      const raw = await adapter.list({ postId, order, cursor, signal: this.controller.signal });
      const page = await checkPage(raw, new Set([...this.comments, ...this.pending].map((c) => c.id)));
      if (generation !== this.generation) return undefined;
      this.comments.push(...page.comments);
      const arrived = new Set(page.comments.map((c) => c.id));
      this.pending = this.pending.filter((p) => !arrived.has(p.id));
      this.cursor = page.cursor;
      if (page.total !== undefined) this.total = page.total;
      this.dropped += page.malformed + page.duplicates;
      this.build();
      this.progressive.update(this.nodes);
      this.progressive.extend();
      void this.progressive.start();
      return this.outcome(page);
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** Builds the tree again from what is held (after the depth changed). */
  rebuild(): void {
    this.build();
    this.progressive.update(this.nodes);
    this.host.requestUpdate();
  }

  /** Adds a comment just posted, in place: only its subtree re-renders. A held one is kept for its author. */
  insert(comment: Comment): void {
    if (comment.status === 'pending') {
      this.pending.push(comment);
      savePending(this.scope, comment);
    } else {
      this.comments.push(comment);
    }
    if (this.total !== undefined && comment.status === 'approved') this.total++;
    const before = this.nodes.length;
    const { maxDepth, order } = this.context();
    this.nodes = insertIntoThread(this.nodes, comment, { maxDepth, order });
    const parentRoot = comment.parentId !== null ? this.rootOf(comment.parentId) : undefined;
    this.roots?.set(comment.id, parentRoot ?? comment.id);
    this.progressive.inserted(this.nodes, comment.id, this.nodes.length > before);
    this.host.requestUpdate();
  }

  /** What the thread holds, for a change worked out elsewhere (model/thread-change.ts, loaded with the interactions). */
  get held(): ThreadHeld {
    return { comments: this.comments, pending: this.pending, nodes: this.nodes };
  }

  /** Puts a changed thread in place (an edit saved, a comment deleted): only what changed re-renders, the count follows. */
  apply(change: ThreadChange): void {
    this.comments = [...change.comments];
    this.pending = [...change.pending];
    this.placeholders += change.placeholders;
    if (this.total !== undefined) this.total = Math.max(0, this.total - change.uncounted);
    for (const id of change.gone) this.roots?.delete(id);
    if (change.nodes !== this.nodes) {
      this.nodes = change.nodes as ThreadNode[];
      this.progressive.update(this.nodes);
    }
    this.host.requestUpdate();
  }

  private build(): void {
    const all = [...this.comments, ...this.pending];
    this.placeholders = all.reduce((n, c) => (c.deleted ? n + 1 : n), 0);
    const { maxDepth, order } = this.context();
    this.nodes = buildThread(this.cursor !== null ? anchored(all) : all, { maxDepth, order });
    this.roots = undefined;
  }

  private outcome(page: CheckedPage): PageOutcome {
    return { count: this.count, total: this.total, dropped: page.malformed + page.duplicates, problems: page.problems };
  }
}
