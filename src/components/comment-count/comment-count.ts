/**
 * `<comment-count>`: "12 comments" for a post, for lists of posts and headers. A plain custom element with
 * no shadow root and no Lit: its text is the page's, styled by the page, and it costs a few hundred bytes
 * on top of the adapter it shares with `<comment-thread>`. It does not import the thread's element.
 */
import { onBackendRegistered } from '../../adapters/registry.js';
import type { CommentAdapter } from '../../adapters/types.js';
import { CommentErrorEvent } from '../../events.js';
import { en, languageOf, loadMessages, needsCatalog } from '../../i18n/index.js';
import { Words } from '../../i18n/words.js';
import { CommentThreadError } from '../../model/errors.js';
import { countOf } from './batch.js';

let observer: IntersectionObserver | undefined;

/** One observer for every count of a page: those scrolled near in one frame are counted in one batch. */
function observe(element: CommentCount) {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer!.unobserve(entry.target);
        void (entry.target as CommentCount).update();
      }
    },
    { rootMargin: '400px 0px' },
  );
  observer.observe(element);
}

/**
 * The number of comments on a post, in the page's language: "12 comments", "No comments yet".
 *
 * @summary A post's comment count, batched with the other counts of the page.
 * @tagname comment-count
 *
 * @attr backend - Name of a registered backend: `wordpress`, `rest`, `waline`, … (default `memory`).
 * @attr endpoint - The backend's URL, as for `<comment-thread>`.
 * @attr post-id - Which post.
 * @attr loading - `lazy` (default): counted when scrolled near; `eager`: at once.
 * @attr link - Present: the count links to the post's comments (`href` + `#comments`).
 * @attr href - The post's address for `link`; the page's own when absent.
 * @attr lang - The language; else the nearest `[lang]` ancestor's, else the document's.
 *
 * @fires comment-error - The count could not be read: `{ error, phase: 'load' }`. The element keeps its content.
 */
export class CommentCount extends HTMLElement {
  static observedAttributes = ['backend', 'endpoint', 'post-id', 'link', 'href', 'lang'];

  /** Registers the element under `tag` once; warns if another definition already holds the tag. */
  static define(tag = 'comment-count'): void {
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, this);
    else if (existing !== this) console.warn(`<${tag}> is already defined by another version of comment-thread.`);
  }

  /** The count once known. */
  count?: number;
  private own?: CommentAdapter;
  private started = false;
  private unsubscribe?: () => void;

  /** An adapter object; wins over `backend`. */
  get adapter(): CommentAdapter | undefined {
    return this.own;
  }
  set adapter(adapter: CommentAdapter | undefined) {
    this.own = adapter;
    if (this.started) void this.update();
  }

  connectedCallback(): void {
    if (this.started) return;
    if (this.getAttribute('loading') !== 'eager' && typeof IntersectionObserver === 'function') observe(this);
    else void this.update();
  }

  disconnectedCallback(): void {
    observer?.unobserve(this);
    this.unsubscribe?.();
  }

  attributeChangedCallback(): void {
    if (this.started) void this.update();
  }

  /** Counts (again) and shows the count. */
  async update(): Promise<void> {
    this.started = true;
    const backend = this.getAttribute('backend') || 'memory';
    const postId = this.getAttribute('post-id') ?? '';
    try {
      const source = this.own ?? { backend, endpoint: this.getAttribute('endpoint') ?? '' };
      const [count, messages] = await Promise.all([countOf(source, postId), this.catalog()]);
      if (count === undefined) return;
      this.count = count;
      const text = new Words(messages, languageOf(this)).count('count', count);
      const href = this.href();
      if (href === undefined) return this.replaceChildren(text);
      const link = document.createElement('a');
      link.href = href;
      link.textContent = text;
      this.replaceChildren(link);
    } catch (error) {
      // A backend registered later counts then.
      this.unsubscribe?.();
      this.unsubscribe = onBackendRegistered((name) => void (name === backend && this.update()));
      this.dispatchEvent(new CommentErrorEvent({ error: CommentThreadError.from(error), phase: 'load' }));
    }
  }

  private catalog() {
    const lang = languageOf(this);
    return needsCatalog(lang) ? loadMessages(lang) : Promise.resolve(en);
  }

  /** The post's comments: `href` (or this page) with `#comments`; only http(s). */
  private href(): string | undefined {
    if (!this.hasAttribute('link')) return undefined;
    const url = new URL(this.getAttribute('href') || location.href, document.baseURI);
    url.hash = 'comments';
    return /^https?:$/.test(url.protocol) ? url.href : undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'comment-count': CommentCount;
  }
}
