import { html, nothing } from 'lit';
import type { CommentThreadError } from '../../../model/errors.js';
import type { Messages } from '../../../i18n/messages.js';

/** Placeholder blocks while loading: hidden from assistive tech, which hears the status text instead. */
export const loadingState = (m: Messages) =>
  html`<div part="skeleton" aria-hidden="true"><div></div><div></div><div></div></div>
    <p class="sr-only">${m.loading}</p>`;

export const errorState = (m: Messages, error: CommentThreadError, retry: () => void, offline: boolean) =>
  html`<div part="error-state" role="alert">
    <p part="error">${offline ? m.offline : m.loadError} ${offline ? nothing : error.message}</p>
    <button part="retry-button" type="button" @click=${retry}>${m.retry}</button>
  </div>`;

export const emptyState = (m: Messages) => html`<p part="empty"><slot name="empty">${m.empty}</slot></p>`;
