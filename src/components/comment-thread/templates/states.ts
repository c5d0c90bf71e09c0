import { html } from 'lit';
import type { Words } from '../../../i18n/words.js';
import type { CommentThreadError } from '../../../model/errors.js';

/** Placeholder blocks while loading: hidden from assistive tech, which hears the status text instead. A slow
 * load says, for everyone to see, that it is still trying. */
export const loadingState = (words: Words, slow = false) =>
  html`<div part="skeleton" aria-hidden="true"><div></div><div></div><div></div></div>
    ${slow ? html`<p part="notice">${words.text('stillTrying')}</p>` : html`<p class="sr-only">${words.text('loading')}</p>`}`;

/** The load error in the reader's words (the developer's message is in the console and the event), with Retry. */
export const errorState = (words: Words, error: CommentThreadError, backend: string, retry: () => void, offline: boolean) =>
  html`<div part="error-state" role="alert">
    <p part="error">${offline ? words.text('offline') : `${words.text('loadError')} ${words.error(error, backend)}`}</p>
    <button part="retry-button" type="button" @click=${retry}>${words.text('retry')}</button>
  </div>`;

export const emptyState = (words: Words) => html`<p part="empty"><slot name="empty">${words.text('empty')}</slot></p>`;
