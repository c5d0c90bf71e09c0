import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Words } from '../../../i18n/words.js';
import type { Capabilities } from '../../../model/capabilities.js';
import type { CommentThreadError } from '../../../model/errors.js';
import type { ThreadNode } from '../../../model/thread.js';
import { topList } from './comment.js';
import { commentForm } from './form.js';
import { emptyState, errorState, loadingState } from './states.js';
import type { FormState, View } from './view.js';
import { serviceName } from './services.js';

/** Everything the element's shadow root shows, as the element hands it over. */
export interface PageState {
  view: View;
  /** The content's direction, when the page does not set one nearer than a language. */
  dir: 'ltr' | 'rtl' | undefined;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The load has taken long enough to say it is still trying. */
  slow: boolean;
  error: CommentThreadError | undefined;
  /** The backend's name, for an error that names it. */
  backend: string;
  offline: boolean;
  /** Top-level subtrees to render now. */
  nodes: readonly ThreadNode[];
  empty: boolean;
  /** What the heading counts. */
  total: number;
  /** Comments left out, for the notice. */
  dropped: number;
  more: boolean;
  busy: boolean;
  /** The top-level form, where the backend takes posts. */
  top: FormState | undefined;
  announcement: string;
  rootOf: (id: string) => string | undefined;
  onRetry: () => void;
  onLoadMore: () => void;
  onListClick: (event: Event) => void;
  onSkip: (event: Event) => void;
  /** What goes under the thread besides Load more: likes and reposts, sources that failed (comment-source/). */
  below?: unknown;
}

/**
 * The section: skip link, heading, the thread (or its loading, empty or error state), Load more, the form, the live region.
 * Load more sits in a container of its own: inserted as the thread's next sibling, as when a thread stops
 * at its render limit, it made Chromium restyle every comment shown (50–260 ms with 500 to 2,000 of them);
 * inserted into an empty container, only the button is styled.
 */
export function page(state: PageState) {
  const { view } = state;
  const words = view.words;
  const capabilities = view.capabilities;
  const ready = state.status === 'ready';
  return html`<section part="base" dir=${ifDefined(state.dir)} aria-labelledby="heading">
    ${state.top ? html`<a part="skip-link" href="#respond" @click=${state.onSkip}>${words.text('skipToForm')}</a>` : nothing}
    <h2 part="heading" id="heading"><slot name="heading">${words.count('heading', state.total)}</slot></h2>
    <div part="thread" aria-busy=${state.status === 'loading' || state.status === 'idle' ? 'true' : 'false'}>
      ${state.status === 'error' && state.error
        ? errorState(words, state.error, state.backend, state.onRetry, state.offline)
        : !ready
          ? loadingState(words, state.slow)
          : state.empty
            ? emptyState(words)
            : // eslint-disable-next-line lit-a11y/click-events-have-key-events -- the clicks are the action buttons' inside it, which keyboards press
              html`<ol part="list" @click=${state.onListClick}>${topList(state.nodes, view, state.rootOf)}</ol>`}
      ${ready && state.dropped ? html`<p part="notice">${words.count('droppedComments', state.dropped)}</p>` : nothing}
    </div>
    ${ready ? (state.below ?? nothing) : nothing}
    <div>${state.more
      ? html`<button part="load-more" type="button" ?disabled=${state.busy} @click=${state.onLoadMore}>
          ${state.busy ? words.text('loadingMore') : words.text('loadMore')}
        </button>`
      : nothing}</div>
    <div part="respond" id="respond">
      ${state.top ? commentForm(state.top, 'top', view) : nothing}
      ${ready && !capabilities.post && capabilities.closed ? html`<p part="closed">${words.text('commentsClosed')}</p>` : nothing}
      ${ready && capabilities.replyLink
        ? capabilities.replyLink.service === 'webmention'
          ? html`<p part="reply-link"><a href=${capabilities.replyLink.url} rel="noopener" aria-describedby="webmention-hint">${words.text('replyFromSite')}</a> <span part="reply-link-hint" id="webmention-hint">${words.text('webmentionHint')}</span></p>`
          : html`<p part="reply-link"><a href=${capabilities.replyLink.url} rel="noopener">${replyLinkLabel(words, capabilities.replyLink)}</a></p>`
        : nothing}
    </div>
    <div part="status" class="sr-only" role="status" aria-live="polite">${state.announcement}</div>
  </section>`;
}


/** "Reply on Mastodon": a service's name is not translated. */
const replyLinkLabel = (words: Words, link: NonNullable<Capabilities['replyLink']>) =>
  words.text('replyOn', { service: serviceName(link.service) });
