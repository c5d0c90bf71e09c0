/**
 * Links to one comment. Every comment's article has the id `comment-ID` (WordPress's own fragment, so links
 * made for a theme's comment list keep working), but ids inside a shadow root are invisible to the
 * page's fragment navigation (HTML's "find a potential indicated element" looks in the document only).
 * So the element follows `#comment-ID` itself: on load and on `hashchange` it loads pages until the
 * comment is there, has it rendered past the progressive render limit, scrolls to it, focuses and marks
 * it. It also makes the "Copy link" action's link. It reports outcomes; the element speaks and renders.
 *
 * This part is in every thread's first load and is small: it reads the address and makes links. The
 * search through pages (`permalink-search.ts`) is a chunk of its own, fetched only when an address names
 * a comment (or a reader's clipboard refuses a link), since most page views name none.
 */
import type { LitElement, ReactiveController, ReactiveControllerHost } from 'lit';
import type { PermalinkContext } from './permalink-context.js';
import { findNode } from '../../model/thread.js';
import { isHttpUrl } from '../../sanitize.js';
import type { ThreadController } from './thread-controller.js';

export type { LinkOutcome, PermalinkContext } from './permalink-context.js';

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

let search: Promise<typeof import('./permalink-search.js')> | undefined;
const loadSearch = () => (search ??= import('./permalink-search.js'));

export class PermalinkController implements ReactiveController {
  /** The linked comment that is not in the thread, for the element's notice. */
  missing: string | null = null;
  /** Bumped whenever a search under way is outdated (a new address, a new load, a disconnect). */
  generation = 0;
  /** The article marked as the linked one. */
  marked?: HTMLElement;
  /** The read-only link field shown where the clipboard refused. */
  field?: HTMLElement;

  constructor(
    readonly host: ReactiveControllerHost & Pick<LitElement, 'renderRoot'>,
    readonly thread: ThreadController,
    readonly context: () => PermalinkContext,
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
    if (this.wanted === null) return;
    const generation = this.generation;
    const { follow } = await loadSearch();
    // An address that changed while the search chunk arrived is followed by its own call.
    if (generation === this.generation) await follow(this);
  }

  /** A comment's link: its own permalink when it has an absolute http(s) one, else this page's with `#comment-ID`. */
  linkTo(id: string): string {
    const permalink = findNode(this.thread.nodes, id)?.comment.permalink;
    if (permalink && isHttpUrl(permalink)) return permalink;
    const url = new URL(location.href);
    url.hash = `comment-${encodeURIComponent(id)}`;
    return url.href;
  }

  /**
   * Where the clipboard cannot be written (an insecure page, a denied permission, an iframe without
   * `clipboard-write`): the link in a read-only field under the comment's actions, selected, for the reader
   * to copy.
   */
  async showField(id: string, link: string, label: string): Promise<void> {
    const { showField } = await loadSearch();
    showField(this, id, link, label);
  }
}
