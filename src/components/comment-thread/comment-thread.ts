import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CommentThreadError } from '../../model/errors.js';
import { backendLoader, onBackendRegistered } from '../../adapters/registry.js';
import type { Capabilities, CommentAdapter } from '../../adapters/types.js';
import { CommentErrorEvent, CommentLoadEvent } from '../../events.js';
import { en, languageOf, loadMessages, needsCatalog, type Messages } from '../../i18n/index.js';
import { countThread, type ThreadNode } from '../../model/thread.js';
import { styles } from './comment-thread.styles.js';
import { scopeOf, Thread } from './thread-state.js';
import { commentForm } from './templates/form.js';
import { topList } from './templates/comment.js';
import { emptyState, errorState, loadingState } from './templates/states.js';
import type { FormState, View } from './templates/view.js';
import { Forms } from './forms.js';

const READ_ONLY: Capabilities = { post: false, reply: false, fields: { email: 'hidden', url: false } };

/**
 * A threaded comment section for any backend: WordPress, a REST server of your own, static JSON, or
 * comments kept in the browser (the default).
 *
 * @summary Threaded comments with reply forms, moderation notices and a privacy notice.
 * @tagname comment-thread
 *
 * @slot heading - Replaces the heading above the thread ("3 comments").
 * @slot privacy-notice - Replaces "Your email address will not be published. Required fields are marked *".
 * @slot empty - Replaces "No comments yet".
 *
 * @csspart base - The section around everything.
 * @csspart skip-link - "Skip to comment form", visible on focus.
 * @csspart heading - The heading above the thread.
 * @csspart thread - The region holding the list; `aria-busy` while loading.
 * @csspart list - The list of top-level comments.
 * @csspart item - The list item around a comment and its replies.
 * @csspart comment - A comment's article; also `depth-N`, `by-post-author`, `pending`.
 * @csspart header - Avatar, author, badge and date of a comment.
 * @csspart avatar - The author's picture.
 * @csspart author - The author's name.
 * @csspart author-link - The author's name as a link to their website.
 * @csspart badge - "Post author".
 * @csspart in-reply-to - "in reply to NAME" on replies shown past the depth cap.
 * @csspart meta - The date line.
 * @csspart permalink - The link around the date.
 * @csspart date - The `<time>` element.
 * @csspart body - The comment's text.
 * @csspart moderation - "Your comment is awaiting moderation."
 * @csspart actions - The row holding the Reply button.
 * @csspart reply-button - "Reply".
 * @csspart replies - The nested list of replies.
 * @csspart form - A comment form; the reply form also has `reply-form`.
 * @csspart form-title - "Leave a Reply" / "Reply to NAME".
 * @csspart cancel-button - "Cancel reply".
 * @csspart logged-in - "Logged in as NAME".
 * @csspart notice - The privacy notice.
 * @csspart required-notice - "Required fields are marked *".
 * @csspart field - A label with its input; also `field-content`, `field-name`, `field-email`, `field-url`.
 * @csspart label - A field's label.
 * @csspart input - A text input.
 * @csspart textarea - The comment field.
 * @csspart field-error - A field's validation message.
 * @csspart error - An error message (form or load).
 * @csspart consent - The "Save my name…" checkbox and its label.
 * @csspart form-submit - The paragraph around the submit button.
 * @csspart submit-button - "Post Comment".
 * @csspart privacy - The paragraph around the privacy policy link.
 * @csspart privacy-link - The privacy policy link (`privacy-url`).
 * @csspart skeleton - Placeholder blocks while loading.
 * @csspart empty - "No comments yet".
 * @csspart error-state - The load error with its Retry button.
 * @csspart retry-button - "Retry".
 * @csspart load-more - "Load more comments".
 * @csspart respond - The area holding the top-level form or the reply link.
 * @csspart reply-link - "Reply on …" for read-only sources.
 * @csspart closed - "Comments are closed."
 * @csspart status - The polite live region announcing outcomes (visually hidden).
 *
 * @cssprop [--comment-thread-font=inherit] - Font family.
 * @cssprop [--comment-thread-font-size=1rem] - Base font size.
 * @cssprop [--comment-thread-color=light-dark(#1d2327, #f0f0f1)] - Text colour.
 * @cssprop [--comment-thread-background=light-dark(transparent, #1d2327)] - Background.
 * @cssprop [--comment-thread-muted=light-dark(#50575e, #c3c4c7)] - Dates, notices.
 * @cssprop [--comment-thread-accent=light-dark(#2271b1, #72aee6)] - Links, buttons, focus ring.
 * @cssprop [--comment-thread-on-accent=light-dark(#ffffff, #101517)] - Text on accent buttons.
 * @cssprop [--comment-thread-surface=light-dark(#ffffff, #2c3338)] - Field background.
 * @cssprop [--comment-thread-border=#8c8f94] - Field and reply-line borders.
 * @cssprop [--comment-thread-error=light-dark(#b32d2e, #ff8085)] - Error text.
 * @cssprop [--comment-thread-highlight=light-dark(#fcf9e8, #3c3a21)] - Flash on a newly posted comment.
 * @cssprop [--comment-thread-gap=1.5rem] - Space between comments.
 * @cssprop [--comment-thread-indent=clamp(0.75rem, 4vw, 2.5rem)] - Indent of each reply level.
 * @cssprop [--comment-thread-radius=4px] - Corner radius.
 * @cssprop [--comment-thread-avatar-size=2.5rem] - Avatar size.
 * @cssprop [--comment-thread-focus-ring=2px solid accent] - Focus outline.
 *
 * @fires comment-load - Comments arrived: `{ count, total }`.
 * @fires comment-submit - A valid form was submitted: `{ draft }`. Cancelable: `preventDefault()` sends nothing and keeps the draft.
 * @fires comment-submitted - The backend accepted a comment: `{ comment }` (`status: 'pending'` when held).
 * @fires comment-error - Loading or posting failed: `{ error, phase: 'load' | 'submit' }`.
 */
export class CommentThread extends LitElement {
  static override styles = styles;

  /** Registers the element under `tag` once; warns if another definition already holds the tag. */
  static define(tag = 'comment-thread'): void {
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, this);
    else if (existing !== this) console.warn(`<${tag}> is already defined by another version of comment-thread.`);
  }

  /** Name of a registered backend: `memory` (default), `rest`, `json`, `wordpress`, … */
  @property() backend?: string;
  /** The backend's URL (a REST API, a WordPress site, a JSON file). */
  @property() endpoint?: string;
  /** Which post's comments: an id, slug or URL, as the backend expects. */
  @property({ attribute: 'post-id' }) postId = '';
  /** Deepest reply level shown; deeper replies show at this level, "in reply to NAME". */
  @property({ type: Number }) depth = 5;
  /** Top-level comments `oldest` or `newest` first. */
  @property() order: 'oldest' | 'newest' = 'oldest';
  /** `lazy`: load when scrolled near; `eager`: at once. */
  @property() loading: 'lazy' | 'eager' = 'lazy';
  /** Dates as `absolute` ("15 April 2013 at 1:10 pm"), `relative` ("3 days ago") or `auto` (relative within a week). */
  @property() dates: 'auto' | 'absolute' | 'relative' = 'auto';
  /** A privacy policy page, linked under the form. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  /** A token the site passes to its backend (WordPress's `wp_rest` nonce for signed-in visitors). */
  @property() override nonce?: string;
  /** Force `light` or `dark`; follows the reader's preference when absent. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** Seconds a form must be open before it may be posted (bots post at once). 0 turns it off. */
  @property({ attribute: 'min-fill-time', type: Number }) minFillTime = 2;
  /** An adapter object; wins over `backend`. */
  @property({ attribute: false }) adapter?: CommentAdapter;
  /** Overrides for any of the element's strings. */
  @property({ attribute: false }) messages?: Partial<Messages>;

  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private loadError?: CommentThreadError;
  @state() private catalog: Messages = en;
  @state() private announcement = '';
  @state() private replyTo: string | null = null;
  @state() private arrived: string | null = null;
  @state() private renderTick = 0;

  /** @internal */
  readonly thread = new Thread(this);
  private readonly forms = new Forms(this);
  private resolved?: CommentAdapter;
  private near = false;
  private observer?: IntersectionObserver;
  private unsubscribe?: () => void;
  private lang_ = '';

  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override connectedCallback() {
    super.connectedCallback();
    this.unsubscribe = onBackendRegistered((name) => {
      if (!this.adapter && this.backendName === name && this.status === 'error') void this.reload();
    });
    addEventListener('online', this.onOnline);
    if (this.loading === 'lazy' && typeof IntersectionObserver === 'function' && !this.near) {
      // A generous margin: the comments are there by the time the reader scrolls to them.
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            this.near = true;
            this.observer?.disconnect();
            void this.reload();
          }
        },
        { rootMargin: '800px 0px' },
      );
      this.observer.observe(this);
    } else {
      this.near = true;
    }
    if (this.hasUpdated && this.near) void this.reload();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.observer?.disconnect();
    removeEventListener('online', this.onOnline);
    this.thread.abort();
    this.forms.abort();
  }

  private onOnline = () => {
    if (this.status === 'error') void this.reload();
  };

  private get backendName() {
    return this.backend || 'memory';
  }

  /** What the current adapter allows (read-only until it is known). */
  get capabilities(): Capabilities {
    return this.resolved?.capabilities ?? READ_ONLY;
  }

  /** @internal The deepest level shown: the `depth` attribute, capped by what the backend keeps. */
  get maxDepth(): number {
    return Math.min(this.depth, this.capabilities.maxDepth ?? Infinity);
  }

  /** @internal Where drafts and pending comments of this thread are kept. */
  get scope(): string {
    return scopeOf(this.resolved, this.postId);
  }

  /** @internal The strings in use: the catalog of the element's language, with `messages` over it. */
  get strings(): Messages {
    return this.messages ? { ...this.catalog, ...this.messages } : this.catalog;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const lang = languageOf(this);
    if (lang !== this.lang_) {
      this.lang_ = lang;
      if (needsCatalog(lang)) void loadMessages(lang).then((m) => (this.catalog = m));
      else this.catalog = en;
    }
    // Load here, before rendering, rather than after it: state set in firstUpdated() would cost a
    // second render (and Lit warns about it).
    const source = ['adapter', 'backend', 'endpoint', 'postId', 'order', 'nonce'] as const;
    if (this.near && (!this.hasUpdated || source.some((key) => changed.has(key)))) void this.reload();
    else if (this.hasUpdated && changed.has('depth')) this.thread.rebuild();
  }

  /** Loads the thread again from the first page. */
  async reload(): Promise<void> {
    this.loadError = undefined;
    this.status = 'loading';
    try {
      this.resolved = await this.thread.load(() => this.resolveAdapter());
      if (!this.resolved) return; // superseded by a newer load
      this.status = 'ready';
      this.forms.restore();
      this.dispatchEvent(new CommentLoadEvent({ count: this.thread.count, total: this.thread.total }));
    } catch (error) {
      const failure = CommentThreadError.from(error);
      if (failure.code === 'aborted') return;
      this.loadError = failure;
      this.status = 'error';
      this.dispatchEvent(new CommentErrorEvent({ error: failure, phase: 'load' }));
    }
  }

  private async resolveAdapter(): Promise<CommentAdapter> {
    if (this.adapter) return this.adapter;
    const name = this.backendName;
    const loader = backendLoader(name);
    if (!loader) throw new CommentThreadError('invalid-response', this.strings.unknownBackend(name), { reason: 'unknown-backend' });
    const factory = await loader();
    return factory({
      postId: this.postId,
      depth: this.depth,
      settings: { ...this.dataset } as Record<string, string>,
      ...(this.endpoint ? { endpoint: this.endpoint } : {}),
      ...(this.nonce ? { nonce: this.nonce } : {}),
    });
  }

  /** @internal Called by the thread and the forms when what they hold changed. */
  changed(what: { replyTo?: string | null; arrived?: string | null; announce?: string } = {}) {
    if (what.replyTo !== undefined) this.replyTo = what.replyTo;
    if (what.arrived !== undefined) this.arrived = what.arrived;
    if (what.announce !== undefined) this.announce(what.announce);
    this.renderTick++;
  }

  /** @internal Says `text` through the polite live region (again, even when it is the same text). */
  announce(text: string) {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** @internal The adapter in use, once resolved. */
  get currentAdapter(): CommentAdapter | undefined {
    return this.resolved;
  }

  private view(): View {
    return {
      messages: this.strings,
      locale: this.lang_,
      now: Date.now(),
      dates: this.dates,
      capabilities: this.capabilities,
      replyTo: this.replyTo,
      arrived: this.arrived,
      privacyUrl: this.privacyUrl,
      forms: this.forms.states,
      onCancel: (key) => void this.forms.cancel(key),
      onSubmit: (key, event) => void this.forms.submit(key, event),
      onInput: (key, event) => this.forms.input(key, event),
    };
  }

  protected override render() {
    const m = this.strings;
    const view = this.view();
    const ready = this.status === 'ready';
    const nodes: readonly ThreadNode[] = this.thread.visible;
    const canPost = ready && this.capabilities.post;
    const top: FormState | undefined = canPost ? this.forms.top() : undefined;
    return html`<section part="base" aria-labelledby="heading">
      ${canPost
        ? html`<a part="skip-link" href="#respond" @click=${this.skipToForm}>${m.skipToForm}</a>`
        : nothing}
      <h2 part="heading" id="heading"><slot name="heading">${m.heading(this.thread.total ?? countThread(this.thread.nodes))}</slot></h2>
      <div part="thread" aria-busy=${this.status === 'loading' || this.status === 'idle' ? 'true' : 'false'}>
        ${this.status === 'error' && this.loadError
          ? errorState(m, this.loadError, () => void this.reload(), !navigator.onLine)
          : !ready
            ? loadingState(m)
            : this.thread.nodes.length === 0
              ? emptyState(m)
              : // eslint-disable-next-line lit-a11y/click-events-have-key-events -- the clicks are the Reply buttons' inside it, which keyboards press
                html`<ol part="list" @click=${this.onListClick}>${topList(nodes, view, this.thread.rootOf)}</ol>`}
        ${ready && this.thread.dropped
          ? html`<p part="notice">${m.droppedComments(this.thread.dropped)}</p>`
          : nothing}
      </div>
      ${ready && this.thread.hasMore
        ? html`<button part="load-more" type="button" ?disabled=${this.thread.loadingMore} @click=${() => void this.thread.loadMore()}>
            ${this.thread.loadingMore ? m.loadingMore : m.loadMore}
          </button>`
        : nothing}
      <div part="respond" id="respond">
        ${top ? commentForm(top, 'top', view) : nothing}
        ${ready && !this.capabilities.post && this.capabilities.closed
          ? html`<p part="closed">${m.commentsClosed}</p>`
          : nothing}
        ${ready && this.capabilities.replyLink
          ? html`<p part="reply-link"><a href=${this.capabilities.replyLink.url} rel="noopener">${this.capabilities.replyLink.label}</a></p>`
          : nothing}
      </div>
      <div part="status" class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  /** Reply buttons, one listener for all of them: thousands of comments need no listener each. */
  private onListClick = (event: Event) => {
    const button = (event.target as Element).closest?.('[part~="reply-button"]');
    const id = button?.closest('article')?.dataset.commentId;
    if (id === undefined) return;
    if (this.replyTo === id) void this.forms.cancel(id);
    else void this.forms.openReply(id);
  };

  private skipToForm = (event: Event) => {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLElement>('#top-content');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
}
