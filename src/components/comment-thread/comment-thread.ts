import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { backendLoader, onBackendRegistered } from '../../adapters/registry.js';
import type { CommentAdapter } from '../../adapters/types.js';
import { CommentErrorEvent, CommentLoadEvent, CommentSubmitEvent, CommentSubmittedEvent } from '../../events.js';
import { en, languageOf, loadMessages, needsCatalog, type Messages } from '../../i18n/index.js';
import { directionOf } from '../../i18n/direction.js';
import { warmFormatters } from '../../i18n/format.js';
import { Words, type DateStyle } from '../../i18n/words.js';
import type { Capabilities } from '../../model/capabilities.js';
import { CommentThreadError } from '../../model/errors.js';
import type { Draft } from '../../model/schemas.js';
import { findNode } from '../../model/thread.js';
import { styles } from './comment-thread.styles.js';
import { FormsController } from './forms-controller.js';
import type { InteractionOutcome, InteractionsController } from './interactions-controller.js';
import { loadInteractions, needsInteractions, noInteractions } from './interactions.js';
import type { ServerPage } from './light-dom.js';
import { SERVER_PAGE, showServerPage } from './server-page.js';
import { PermalinkController, type LinkOutcome } from './permalink-controller.js';
import { SlowLoadController } from './slow-load-controller.js';
import { SourcesController } from '../comment-source/sources-controller.js';
import { page } from './templates/page.js';
import type { ActionName, View } from './templates/view.js';
import { ThreadController, type PageOutcome } from './thread-controller.js';

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
 * @csspart show-full-button - "Show full comment", under the beginning of a very long comment.
 * @csspart moderation - "Your comment is awaiting moderation."
 * @csspart actions - The row of a comment's actions.
 * @csspart reply-button - "Reply".
 * @csspart copy-link-button - "Copy link".
 * @csspart like-button - "Like" and its count; `like-link-button`: "Like on Mastodon".
 * @csspart edit-button - "Edit", on the visitor's own comment.
 * @csspart delete-button - "Delete"; `confirm-delete` asks, with `confirm-delete-button` and `keep-button`.
 * @csspart deleted - "Comment deleted", where a deleted comment had replies.
 * @csspart edit-form - The form editing a comment, in place of its text.
 * @csspart format-switch - `write-button` / `preview-button`, for Markdown.
 * @csspart preview - The rendered preview of the comment being written.
 * @csspart format-hint - Which syntax the comment field takes.
 * @csspart notify - "Notify me of follow-up comments" and its checkbox.
 * @csspart link-field - The comment's link, selected, where the clipboard is refused.
 * @csspart missing-comment - "This comment is no longer available."
 * @csspart replies - The nested list of replies.
 * @csspart form - A comment form; the reply form also has `reply-form`.
 * @csspart form-title - "Leave a Reply" / "Reply to NAME".
 * @csspart cancel-button - "Cancel reply".
 * @csspart logged-in - "Logged in as NAME".
 * @csspart notice - The privacy notice; under the thread, what could not be shown or is slow.
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
 * @csspart respond - The top-level form or the reply link.
 * @csspart reply-link - "Reply on …" for read-only sources; under a merged thread, one item of `reply-links`.
 * @csspart reply-there-button - "Reply on Mastodon" (or Bluesky) in a comment's actions: a link to the comment on its service.
 * @csspart source-badge - "on Mastodon", "on Bluesky", "on Webmention": where a comment of a merged thread comes from.
 * @csspart source-notice - The note naming a source that could not be loaded (also `notice`), with its `retry-button`.
 * @csspart reactions - The likes and reposts of the post, under the thread.
 * @csspart reactions-count - "23 likes, 4 reposts".
 * @csspart reactors - The list of faces of those who liked or reposted.
 * @csspart reactor - One face's list item.
 * @csspart reactor-link - The link around a face, to the person's profile.
 * @csspart reactor-avatar - A face: the picture, or `reactor-initial` (their initial) when there is none.
 * @csspart reactors-more - "+N": the people not shown as faces.
 * @csspart reply-links - Under a merged thread, where to answer on each other service.
 * @csspart reply-link-anchor - The link of a `reply-link` item.
 * @csspart reply-link-hint - The sentence on what "Reply from your own site" (Webmention) means.
 * @csspart closed - "Comments are closed."
 * @csspart status - The polite live region (visually hidden).
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
 * @cssprop [--comment-thread-indent=2.5rem] - Indent of each reply level at most; a level takes no more than 6% of the width its parent leaves, so narrow threads keep room for text.
 * @cssprop [--comment-thread-radius=4px] - Corner radius.
 * @cssprop [--comment-thread-avatar-size=2.5rem] - Avatar size.
 * @cssprop [--comment-thread-focus-ring=2px solid accent] - Focus outline.
 * @cssprop [--comment-thread-reactor-size=2rem] - Faces in the likes-and-reposts row.
 * @cssprop [--comment-thread-reactor-radius=50%] - Corner radius of those faces (50%: round).
 * @cssprop [--comment-thread-source-badge-color=muted] - Text and border of a source badge ("on Mastodon").
 * @cssprop [--comment-thread-source-badge-background=transparent] - Background of a source badge.
 *
 * @fires comment-load - Comments arrived: `{ count, total }`.
 * @fires comment-submit - A valid form was submitted: `{ draft }`. Cancelable: `preventDefault()` sends nothing and keeps the draft.
 * @fires comment-submitted - The backend accepted a comment: `{ comment }` (`status: 'pending'` when held).
 * @fires comment-error - Loading, posting, liking, editing or deleting failed: `{ error, phase: 'load' | 'submit' | 'like' | 'update' | 'delete' }`.
 * @fires comment-like - The backend counted a like given or taken back: `{ id, liked, count }`.
 * @fires comment-update - The visitor saved an edit of their own comment: `{ id, draft }`. Cancelable: `preventDefault()` sends nothing and keeps the form open.
 * @fires comment-updated - The backend stored the edit: `{ comment }`, shown in place.
 * @fires comment-delete - The visitor confirmed deleting their own comment: `{ id }`. Cancelable: `preventDefault()` keeps it.
 * @fires comment-deleted - The backend deleted it: `{ id, kept, removed }` (`kept`: it stays as "Comment deleted" for its replies; `removed`: the ids that left the thread).
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
  /** `absolute`, `relative` ("3 days ago") or `auto` (relative within a week). */
  @property() dates: DateStyle = 'auto';
  /** An IANA time zone for dates (`Europe/London`); the reader's by default. */
  @property({ attribute: 'time-zone' }) timeZone?: string;
  /** A privacy policy page, linked under the form. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  // Not `nonce`: browsers blank a `nonce` content attribute on pages served with a CSP header (HTML's nonce hiding).
  /** WordPress's `wp_rest` nonce, for signed-in visitors. */
  @property({ attribute: 'wp-nonce' }) wpNonce?: string;
  /** `light` or `dark` forces a scheme; else the page's `color-scheme` decides (none: light). */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';
  /** Seconds a form must be open before it may be posted (bots are faster); 0: off. */
  @property({ attribute: 'min-fill-time', type: Number }) minFillTime = 2;
  /** An adapter object; wins over `backend`. */
  @property({ attribute: false }) adapter?: CommentAdapter;
  /** Overrides for any of the element's strings: `{ leaveReply: 'Join the discussion' }`. */
  @property({ attribute: false }) messages?: Partial<Messages>;

  @state() private status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private loadError?: CommentThreadError;
  @state() private catalog: Messages = en;
  @state() private announcement = '';
  @state() private arrived: string | null = null;

  private readonly thread = new ThreadController(this, () => ({ postId: this.postId, order: this.order, maxDepth: this.maxDepth }));
  private readonly forms = new FormsController(this, () => ({
    postId: this.postId,
    scope: this.thread.scope,
    capabilities: this.capabilities,
    adapter: this.thread.adapter,
    minFillTime: this.minFillTime,
  }));
  private readonly permalink = new PermalinkController(this, this.thread, () => ({
    ready: this.status === 'ready',
    loadMore: () => this.loadMore(),
    wake: this.wake,
    report: (outcome) => this.linked(outcome),
  }));
  /** Likes, edits, deletes and previews: loaded when the backend allows one (interactions.ts). */
  private own?: InteractionsController;
  private ownLoading?: Promise<void>;
  private readonly slowLoad = new SlowLoadController(this, () => this.announce(this.words.text('stillTrying')));
  /** Under the thread: likes and reposts, sources that failed, reply links of other services. */
  private readonly sources = new SourcesController(this);
  /** How the element speaks now; replaced only when the language, the strings or the date style change. */
  private words = new Words(en, 'en');
  private locale = '';
  /** The shadow content's `dir` when the page sets none nearer than a language (see directionOf). */
  private direction?: 'ltr' | 'rtl';
  private near = false;
  /** A server-rendered first page being checked; the first render waits for it. */
  private seeding?: Promise<void>;
  /** Takes away what shows the server's markup until the first render (server-page.ts). */
  private hideServerPage?: () => void;
  private observer?: IntersectionObserver;
  private unsubscribe?: () => void;

  static override get observedAttributes() {
    return [...super.observedAttributes, 'lang', 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' || name === 'dir') this.requestUpdate();
  }

  override connectedCallback() {
    super.connectedCallback();
    // Comments the server already rendered inside the element are the first page: shown at once, whatever
    // `loading` says, with no request for them.
    // The reader of that markup loads only on pages that have some; the first render waits for it.
    if (!this.hasUpdated && !this.seeding && this.querySelector(SERVER_PAGE)) {
      this.near = true;
      this.hideServerPage = showServerPage(this.renderRoot);
      this.seeding = import('./light-dom.js').then(({ serverPage }) => {
        const first = serverPage(this);
        return first ? this.seed(first) : undefined;
      });
    }
    this.unsubscribe = onBackendRegistered((name) => {
      if (!this.adapter && this.backendName === name && this.status === 'error') void this.reload();
    });
    addEventListener('online', this.onOnline);
    // A link to one comment (`#comment-ID`) loads at once: the reader came to read it.
    if (this.loading === 'lazy' && typeof IntersectionObserver === 'function' && !this.near && this.permalink.wanted === null) {
      // A generous margin: the comments are there by the time the reader scrolls to them.
      this.observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) this.wake();
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
  }

  /** Loads now, if it was waiting to be scrolled near. */
  private wake = () => {
    if (this.near) return;
    this.near = true;
    this.observer?.disconnect();
    void this.reload();
  };

  /** Loads the interactions module, once, when the backend allows what it offers; adopts its styles. */
  private interactions(): Promise<void> | undefined {
    if (this.own || !needsInteractions(this.capabilities)) return this.ownLoading;
    return (this.ownLoading ??= loadInteractions().then(({ InteractionsController, interactionStyles }) => {
      this.own = new InteractionsController(this, () => ({
        postId: this.postId,
        scope: this.thread.scope,
        capabilities: this.capabilities,
        adapter: this.thread.adapter,
        rootOf: this.thread.rootOf,
        node: (id) => findNode(this.thread.nodes, id),
        touchForm: (key) => void (this.forms.states.get(key) && this.forms.states.get(key)!.version++),
        held: () => this.thread.held,
        apply: (change) => this.thread.apply(change),
      }));
      const root = this.renderRoot as ShadowRoot;
      if (interactionStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, interactionStyles.styleSheet];
      this.requestUpdate();
    }));
  }

  /** Runs `act` on the interactions module: a click that comes before the module arrived waits for it. */
  private async withOwn<T>(act: (own: InteractionsController) => Promise<T>): Promise<T | { kind: 'ignored' }> {
    await this.interactions();
    return this.own ? act(this.own) : { kind: 'ignored' };
  }

  /** A linked comment was shown, or is not in the thread: the reader hears which. */
  private linked(outcome: LinkOutcome) {
    if (outcome.kind === 'found') this.announce(this.words.text('linkedComment', { name: outcome.comment.author.name }));
    else {
      this.announce(this.words.text('commentGone'));
      this.renderRoot.querySelector('[part~="missing-comment"]')?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Copies a comment's link; where the clipboard refuses, shows it selected for the reader to copy. */
  private async copyLink(id: string) {
    const link = this.permalink.linkTo(id);
    try {
      await navigator.clipboard.writeText(link);
      this.announce(this.words.text('linkCopied'));
    } catch {
      await this.permalink.showField(id, link, this.words.text('copyLink'));
    }
  }

  private onOnline = () => {
    if (this.status === 'error') void this.reload();
  };

  private get backendName() {
    return this.backend || 'memory';
  }

  /** What the current adapter allows (read-only until it is known). */
  get capabilities(): Capabilities {
    return this.thread.adapter?.capabilities ?? READ_ONLY;
  }

  /** The deepest level shown: the `depth` attribute, capped by what the backend keeps. */
  private get maxDepth(): number {
    return Math.min(this.depth, this.capabilities.maxDepth ?? Infinity);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const lang = languageOf(this);
    this.direction = directionOf(this);
    const langChanged = lang !== this.locale;
    if (langChanged) {
      this.locale = lang;
      if (needsCatalog(lang)) {
        void loadMessages(lang).then((catalog) => {
          if (this.locale === lang) this.catalog = catalog;
        });
      } else this.catalog = en;
    }
    // A new Words (and so a re-render of every comment) only when what is said, or how, changed: a
    // `messages` override merged anew on every render made every guard miss on every progressive chunk.
    const own = changed as Map<PropertyKey, unknown>;
    if (langChanged || own.has('catalog') || changed.has('messages') || changed.has('dates') || changed.has('timeZone')) {
      const catalog = this.messages ? { ...this.catalog, ...this.messages } : this.catalog;
      this.words = new Words(catalog, lang, this.dates, this.timeZone || undefined);
    }
    // Load here, before rendering, rather than after it: state set in firstUpdated() would cost a
    // second render (and Lit warns about it).
    const source = ['adapter', 'backend', 'endpoint', 'postId', 'order', 'wpNonce'] as const;
    if (this.near && (this.hasUpdated ? source.some((key) => changed.has(key)) : this.status === 'idle')) void this.reload();
    else if (this.hasUpdated && changed.has('depth')) this.thread.rebuild();
  }

  /** Loads the thread again from the first page. */
  async reload(): Promise<void> {
    this.loadError = undefined;
    this.status = 'loading';
    this.slowLoad.start();
    try {
      // The first Intl.DateTimeFormat of a page loads ICU's data, 20–50 ms: done in a worker (where one
      // can start) from now on, while the adapter loads and the request is in flight.
      void warmFormatters(this.locale);
      const outcome = await this.thread.load(() => this.resolveAdapter());
      if (!outcome) return; // superseded by a newer load
      this.settled();
      this.status = 'ready';
      this.own?.reset();
      void this.interactions();
      this.forms.restore(this.thread.nodes);
      this.loaded(outcome);
      const report = (error: CommentThreadError) => this.dispatchEvent(new CommentErrorEvent({ error, phase: 'load' }));
      for (const error of this.sources.loaded(this.thread.adapter, this.postId, report)) report(error);
      this.permalink.loaded();
    } catch (error) {
      const failure = CommentThreadError.from(error);
      if (failure.code === 'aborted') return;
      this.settled();
      this.loadError = failure;
      this.status = 'error';
      this.dispatchEvent(new CommentErrorEvent({ error: failure, phase: 'load' }));
    }
  }

  /**
   * The first render waits for a server-rendered first page to be checked, so that it already shows
   * those comments: no empty frame between the server's markup and the element's.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const seeding = this.seeding;
    if (!seeding) return super.scheduleUpdate();
    return seeding.then(() => {
      this.seeding = undefined;
      // Rendered synchronously: the server's markup and the thread are never shown together.
      const rendered = super.scheduleUpdate();
      this.hideServerPage?.();
      this.hideServerPage = undefined;
      return rendered;
    });
  }

  /** Shows the comments the document already holds (light-dom.ts), checked like any page; then the adapter. */
  private async seed(first: ServerPage): Promise<void> {
    let outcome: PageOutcome | undefined;
    try {
      outcome = await this.thread.load(() => this.resolveAdapter(), undefined, first);
    } catch {
      // Markup the page check refuses as a whole: the adapter's first page instead.
      void this.reload();
      return;
    }
    if (!outcome) return;
    this.status = 'ready';
    void this.attach(outcome);
  }

  private async attach(outcome: PageOutcome): Promise<void> {
    try {
      if (!(await this.thread.attach(() => this.resolveAdapter()))) return;
      void this.interactions();
      this.forms.restore(this.thread.nodes);
      this.loaded(outcome);
    } catch (error) {
      // The comments stay shown; only later pages and posting are unavailable.
      const failure = CommentThreadError.from(error);
      if (failure.code !== 'aborted') this.dispatchEvent(new CommentErrorEvent({ error: failure, phase: 'load' }));
    }
  }

  /** A page arrived: `comment-load`, and `comment-error` naming what could not be shown. */
  private loaded(outcome: PageOutcome) {
    if (outcome.dropped) {
      const error = new CommentThreadError(
        'invalid-response',
        `${outcome.dropped} comment(s) from the backend were left out: ${outcome.problems.join('; ') || 'the same id more than once'}.`,
        { reason: 'malformed-comments' },
      );
      console.warn(error.message);
      this.dispatchEvent(new CommentErrorEvent({ error, phase: 'load' }));
    }
    this.dispatchEvent(new CommentLoadEvent({ count: outcome.count, total: outcome.total }));
  }

  private async loadMore(cursor?: string): Promise<void> {
    try {
      const outcome = await this.thread.loadMore(cursor);
      if (outcome) this.loaded(outcome);
      // A merged thread's source that failed on this page: the others are shown, a note names it.
      for (const error of this.sources.fresh()) this.dispatchEvent(new CommentErrorEvent({ error, phase: 'load' }));
    } catch (error) {
      const failure = CommentThreadError.from(error);
      if (failure.code === 'aborted') return;
      this.dispatchEvent(new CommentErrorEvent({ error: failure, phase: 'load' }));
      this.announce(`${this.words.text('loadError')} ${this.words.error(failure, this.backendName)}`);
    }
  }

  private async resolveAdapter(): Promise<CommentAdapter> {
    if (this.adapter) return this.adapter;
    const name = this.backendName;
    const loader = backendLoader(name);
    if (!loader) throw new CommentThreadError('invalid-response', `No backend named "${name}" is registered.`, { reason: 'unknown-backend' });
    const factory = await loader();
    // What a backend may need from the page, as plain data: adapters never read the DOM.
    const options = {
      postId: this.postId,
      depth: this.depth,
      settings: { ...this.dataset } as Record<string, string>,
      baseUrl: document.baseURI,
      pageTitle: document.title,
      pixelRatio: devicePixelRatio || 1,
      signedIn: document.body?.classList.contains('logged-in') ?? false,
      ...(this.endpoint ? { endpoint: this.endpoint } : {}),
      ...(this.wpNonce ? { nonce: this.wpNonce } : {}),
    };
    // <comment-source> children merge other services into the thread; their code loads only then.
    if (!this.querySelector(':scope > comment-source')) return factory(options);
    return (await import('../comment-source/compose.js')).compose(this, factory(options), options);
  }

  /** Says `text` through the polite live region (again, even when it is the same text). */
  private announce(text: string) {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** A load ended: "still trying", said while it lasted, is not left behind in the live region. */
  private settled() {
    if (this.slowLoad.stop() && this.announcement.startsWith(this.words.text('stillTrying'))) this.announcement = '';
  }

  /** Validates and sends a form; dispatches the events, announces and shows the outcome. */
  private async submit(key: string, event: SubmitEvent) {
    event.preventDefault();
    // Read before awaiting: once dispatch ends, the event no longer exposes a target inside a shadow root.
    const form = event.target as HTMLFormElement;
    const veto = (draft: Draft) => this.dispatchEvent(new CommentSubmitEvent({ draft }));
    this.own?.closePreview(key);
    const outcome = await this.forms.submit(key, form, veto);
    switch (outcome.kind) {
      case 'invalid':
        return this.announce(this.words.count('fixErrors', outcome.count));
      case 'failed':
        this.announce(this.words.error(outcome.error, this.backendName));
        this.dispatchEvent(new CommentErrorEvent({ error: outcome.error, phase: 'submit' }));
        return;
      case 'posted': {
        const { comment } = outcome;
        this.thread.insert(comment);
        this.arrived = comment.id;
        this.announce(this.words.text(comment.status === 'pending' ? 'commentPending' : 'commentPosted'));
        this.dispatchEvent(new CommentSubmittedEvent({ comment }));
        await this.forms.focusComment(comment.id);
      }
    }
  }

  /** What each action of a comment's row does, by its `data-action`. */
  private readonly actions: Record<ActionName, (id: string) => void> = {
    reply: (id) => void (this.forms.replyTo === id ? this.forms.cancel(id) : this.forms.openReply(id)),
    'copy-link': (id) => void this.copyLink(id),
    like: (id) => void this.withOwn((own) => own.toggleLike(id)).then(this.acted),
    'like-link': () => undefined,
    'reply-there': () => undefined,
    edit: (id) => void this.withOwn((own) => own.edit(id)),
    delete: (id) => void this.withOwn((own) => own.askDelete(id)),
  };

  /**
   * A like, an edit or a delete came to `outcome`: the reader hears it, the page gets its event
   * (`comment-like`, `comment-updated`, `comment-deleted`); a failure is `comment-error`.
   */
  private acted = (outcome: InteractionOutcome) => {
    if (outcome.kind === 'done') {
      if (outcome.said) this.announce(this.words.text(outcome.said));
      this.dispatchEvent(outcome.event);
    } else if (outcome.kind === 'failed') {
      const [what, phase] =
        outcome.action === 'like' ? (['likeFailed', 'like'] as const) : outcome.action === 'edit' ? (['editFailed', 'update'] as const) : (['deleteFailed', 'delete'] as const);
      this.announce(`${this.words.text(what)} ${this.words.error(outcome.error, this.backendName)}`);
      this.dispatchEvent(new CommentErrorEvent({ error: outcome.error, phase }));
    }
  };

  private dispatch = (event: Event) => this.dispatchEvent(event);

  private view(): View {
    return {
      words: this.words,
      now: Date.now(),
      capabilities: this.capabilities,
      replyTo: this.forms.replyTo,
      arrived: this.arrived,
      privacyUrl: this.privacyUrl,
      forms: this.forms.states,
      onCancel: (key) => void this.forms.cancel(key),
      onSubmit: (key, event) => void this.submit(key, event),
      onInput: (key, event) => this.forms.input(key, event),
      own: this.own
        ? this.own.view(
            // `comment-update` and `comment-delete`, cancelable, made by the interactions module.
            () => void this.own?.saveEdit(this.dispatch).then(this.acted),
            () => void this.own?.confirmDelete(this.dispatch).then(this.acted),
          )
        : noInteractions,
    };
  }

  protected override render() {
    const ready = this.status === 'ready';
    const gone = this.permalink.missing !== null ? html`<p part="notice missing-comment">${this.words.text('commentGone')}</p>` : nothing;
    return html`${gone}${page({
      view: this.view(),
      dir: this.direction,
      status: this.status,
      slow: this.slowLoad.slow,
      error: this.loadError,
      backend: this.backendName,
      offline: !navigator.onLine,
      nodes: this.thread.progressive.visible,
      empty: this.thread.nodes.length === 0,
      total: this.thread.shownTotal,
      dropped: this.thread.dropped,
      more: ready && this.thread.hasMore,
      busy: this.thread.loadingMore || this.thread.progressive.busy,
      top: ready && this.capabilities.post ? this.forms.top() : undefined,
      announcement: this.announcement,
      rootOf: this.thread.rootOf,
      onRetry: () => void this.reload(),
      onLoadMore: () => void this.loadMore(),
      onListClick: this.onListClick,
      onSkip: this.skipToForm,
      below: this.sources.render(this.words, (cursor) => (cursor ? this.loadMore(cursor) : this.reload())),
    })}`;
  }

  /** Every action button of every comment, one listener for all: thousands of comments need no listener each. */
  private onListClick = (event: Event) => {
    const button = (event.target as Element).closest?.<HTMLElement>('[data-action]');
    const id = button?.closest<HTMLElement>('article')?.dataset.commentId;
    const action = button?.dataset.action as ActionName | undefined;
    if (id !== undefined && action && Object.hasOwn(this.actions, action)) this.actions[action](id);
  };

  private skipToForm = (event: Event) => {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLElement>('#top-content');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };
}
