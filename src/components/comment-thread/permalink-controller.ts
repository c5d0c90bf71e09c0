/**
 * Links to one comment. Every comment's article has the id `comment-ID` (WordPress's own fragment, so links
 * made for a theme's comment list keep working), but ids inside a shadow root are invisible to the
 * page's fragment navigation (HTML's "find a potential indicated element" looks in the document only).
 * So the element follows `#comment-ID` itself: on load and on `hashchange` it loads pages until the
 * comment is there, has it rendered past the progressive render limit, scrolls to it, focuses and marks
 * it. It also makes the "Copy link" action's link. It reports outcomes; the element speaks and renders.
 */
import type { LitElement, ReactiveController, ReactiveControllerHost } from 'lit';
import type { Comment } from '../../model/schemas.js';
import type { ThreadNode } from '../../model/thread.js';
import { isHttpUrl } from '../../sanitize.js';
import type { ThreadController } from './thread-controller.js';

/** What following a link came to: the comment shown, or not in the thread. */
export type LinkOutcome = { kind: 'found'; comment: Comment } | { kind: 'missing'; id: string };

/** What the controller needs from its element. */
export interface PermalinkContext {
  /** The thread has loaded its first page. */
  ready: boolean;
  /** The next page (or the next loaded batch); the element reports what arrived. */
  loadMore(): Promise<void>;
  /** A comment is linked while the element waits to be scrolled near: load now. */
  wake(): void;
  report(outcome: LinkOutcome): void;
}

/** The comment id a fragment names (`#comment-ID`, the id percent-encoded as the element writes it), or null. */
export function linkedId(hash: string): string | null {
  const match = /^#comment-(.+)$/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** The fragment the element gives a comment's article. */
export const fragmentOf = (id: string) => `comment-${encodeURIComponent(id)}`;

function find(nodes: readonly ThreadNode[], id: string): Comment | undefined {
  const stack = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.comment.id === id) return node.comment;
    stack.push(...node.replies);
  }
  return undefined;
}

/**
 * Searches under way on the page, by comment id: a page with several threads (an archive, a post and its
 * guest book) says a linked comment is gone only when none of them holds it.
 */
const searches = new Map<string, Set<Promise<boolean>>>();

export class PermalinkController implements ReactiveController {
  /** The linked comment that is not in the thread, for the element's notice. */
  missing: string | null = null;
  private generation = 0;
  private marked?: HTMLElement;
  private field?: HTMLElement;

  constructor(
    private readonly host: ReactiveControllerHost & Pick<LitElement, 'renderRoot'>,
    private readonly thread: ThreadController,
    private readonly context: () => PermalinkContext,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHashChange);
    this.generation++;
  }

  /** The comment id the page's address names, if any. */
  get wanted(): string | null {
    return linkedId(location.hash);
  }

  /** The first page arrived (after any load): follow the page's link, if it names a comment. */
  loaded(): void {
    this.marked = undefined;
    this.field = undefined;
    void this.follow();
  }

  private onHashChange = () => {
    this.clear();
    if (this.wanted === null) return;
    const context = this.context();
    if (context.ready) void this.follow();
    else context.wake();
  };

  private clear() {
    this.generation++;
    this.marked?.removeAttribute('data-linked');
    this.marked = undefined;
    if (this.missing !== null) {
      this.missing = null;
      this.host.requestUpdate();
    }
  }

  private async follow(): Promise<void> {
    const id = this.wanted;
    if (id === null) return;
    const generation = ++this.generation;
    const search = this.search(id, generation);
    let running = searches.get(id);
    if (!running) searches.set(id, (running = new Set()));
    running.add(search);
    const found = await search;
    running.delete(search);
    if (generation !== this.generation || found) return;
    // Another thread on the page may hold it: wait for those still looking before saying it is gone.
    const others = await Promise.all([...running]);
    if (generation !== this.generation || others.some(Boolean)) return;
    this.missing = id;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.context().report({ kind: 'missing', id });
  }

  /** Loads and renders until the comment shows; false when the thread does not hold it. */
  private async search(id: string, generation: number): Promise<boolean> {
    const thread = this.thread;
    let comment = find(thread.nodes, id);
    while (!comment && thread.hasMore) {
      // Past the render limit "more" first shows what is loaded, then fetches: either is progress.
      const before = thread.count + thread.progressive.visible.length;
      await this.context().loadMore();
      if (generation !== this.generation) return false;
      // A page that failed, or a load already under way elsewhere: no progress, no endless loop.
      if (thread.count + thread.progressive.visible.length === before) return false;
      comment = find(thread.nodes, id);
    }
    if (!comment) return false;
    await this.render(comment.id);
    if (generation !== this.generation) return false;
    const article = this.articleOf(id);
    if (!article) return false;
    article.scrollIntoView({ block: 'start' });
    article.focus({ preventScroll: true });
    article.setAttribute('data-linked', '');
    this.marked = article;
    this.context().report({ kind: 'found', comment });
    return true;
  }

  /**
   * Has the comment's top-level subtree rendered now, wherever it is in the order and whatever the render
   * limit: the chunks already on their way stop, the next start shows every subtree up to this one at once,
   * and the chunks after it go on (pausing again at the limit, where "Load more" shows the rest).
   */
  private async render(id: string): Promise<void> {
    const root = this.thread.rootOf(id);
    const progressive = this.thread.progressive;
    const visible = progressive.visible;
    if (!visible.some((node) => node.comment.id === root)) {
      const nodes = this.thread.nodes;
      const index = nodes.findIndex((node) => node.comment.id === root);
      let budget = 1;
      for (let i = visible.length; i < index; i++) budget += nodes[i].size;
      progressive.stop();
      void progressive.start(budget);
    }
    await this.host.updateComplete;
  }

  private articleOf(id: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`article[id="${CSS.escape(fragmentOf(id))}"]`);
  }

  /** A comment's link: its own permalink when it has an absolute http(s) one, else this page's with `#comment-ID`. */
  linkTo(id: string): string {
    const permalink = find(this.thread.nodes, id)?.permalink;
    if (permalink && isHttpUrl(permalink)) return permalink;
    const url = new URL(location.href);
    url.hash = fragmentOf(id);
    return url.href;
  }

  /**
   * Where the clipboard cannot be written (an insecure page, a denied permission, an iframe without
   * `clipboard-write`): the link in a read-only field under the comment's actions, selected, for the reader
   * to copy. Added outside the template, so the comment template stays as cheap as before; one at a time.
   */
  showField(id: string, link: string, label: string): void {
    this.field?.remove();
    const article = this.articleOf(id);
    if (!article) return;
    const field = document.createElement('label');
    field.setAttribute('part', 'field link-field');
    const text = document.createElement('span');
    text.setAttribute('part', 'label');
    text.textContent = label;
    const input = document.createElement('input');
    input.setAttribute('part', 'input');
    input.readOnly = true;
    input.value = link;
    field.append(text, input);
    article.append(field);
    this.field = field;
    input.focus();
    input.select();
  }
}
