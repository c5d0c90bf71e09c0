import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { body } from './body.js';
import type { View } from './view.js';

/** The comment text of the form a control sits in. */
const contentOf = (event: Event) =>
  ((event.target as HTMLElement).closest('form')?.elements.namedItem('content') as HTMLTextAreaElement | null)?.value ?? '';

/** The id of the hint under a form's comment field, when its backend takes more than plain text. */
export const hintId = (view: View, prefix: string) =>
  view.capabilities.bodyFormat === 'markdown' || view.capabilities.bodyFormat === 'html' ? `${prefix}-hint` : undefined;

/**
 * Under the comment field, on backends that take more than plain text: the hint saying which syntax
 * works and, for Markdown, Write / Preview as two toggle buttons (a pressed state is all they carry; a
 * tablist would add arrow-key navigation for two choices). The preview is rendered by the lazy Markdown
 * module and goes through the same sanitize seam as every comment body.
 */
export function formatTools(key: string, prefix: string, view: View) {
  const format = view.capabilities.bodyFormat;
  if (format !== 'markdown' && format !== 'html') return nothing;
  const words = view.words;
  const hint = html`<p part="format-hint" id=${`${prefix}-hint`}>${words.text(format === 'markdown' ? 'markdownHint' : 'htmlHint')}</p>`;
  if (format !== 'markdown') return hint;
  const preview = view.own.preview(key);
  const previewId = `${prefix}-preview`;
  return html`<p part="format-switch" role="group" aria-label=${words.text('commentLabel')}>
      <button part="write-button" type="button" aria-pressed=${preview ? 'false' : 'true'} @click=${() => view.own.onPreview(key, false, '')}>
        ${words.text('write')}
      </button>
      <button
        part="preview-button"
        type="button"
        aria-pressed=${preview ? 'true' : 'false'}
        aria-controls=${ifDefined(preview ? previewId : undefined)}
        @click=${(e: Event) => view.own.onPreview(key, true, contentOf(e))}
      >
        ${words.text('preview')}
      </button>
    </p>
    ${preview
      ? html`<section part="preview" id=${previewId} aria-label=${words.text('preview')} aria-busy=${preview.html === undefined ? 'true' : 'false'}>
          ${preview.html === undefined ? nothing : html`<div part="body" dir="auto" ${body('html', preview.html, words)}></div>`}
        </section>`
      : nothing}
    ${hint}`;
}
