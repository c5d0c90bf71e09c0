import { html, type TemplateResult } from 'lit';
import type { View } from './view.js';

/** A deleted comment that has replies: its place kept, with no author or text. */
export const deletedItem = (id: string, domId: string, view: View, replies: unknown): TemplateResult =>
  html`<li part="item"><article part="comment deleted" id=${domId} data-comment-id=${id} tabindex="-1" aria-label=${view.words.text('commentDeleted')}><p part="deleted">${view.words.text('commentDeleted')}</p></article>${replies}</li>`;
