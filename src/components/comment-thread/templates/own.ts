import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Comment } from '../../../model/schemas.js';
import { formatTools, hintId } from './preview.js';
import type { View } from './view.js';

const onEscape = (then: () => void) => (event: KeyboardEvent) => {
  if (event.key !== 'Escape') return;
  event.preventDefault();
  then();
};

/** The comment form again, in place of the text of the visitor's own comment: only the text can change. */
function editForm(c: Comment, domId: string, view: View): TemplateResult {
  const form = view.own.editing!;
  const words = view.words;
  const prefix = `${domId}-edit`;
  const error = form.errors.content && words.text(form.errors.content);
  const message = form.problem?.kind === 'error' ? words.error(form.problem.error) : undefined;
  const previewing = view.own.preview(`edit:${c.id}`) !== undefined;
  const described = [error ? `${prefix}-content-error` : '', hintId(view, prefix) ?? ''].filter(Boolean).join(' ');
  return html`<form
    part="form edit-form"
    id=${`form-${prefix}`}
    aria-labelledby=${`${prefix}-title`}
    novalidate
    @submit=${view.own.onEditSubmit}
    @input=${view.own.onEditInput}
    @keydown=${onEscape(view.own.onEditCancel)}
  >
    <h3 part="form-title" id=${`${prefix}-title`}>${words.text('editComment')}</h3>
    ${message ? html`<p part="error" role="alert" id=${`${prefix}-message`}>${message}</p>` : nothing}
    <p part="field field-content">
      <label part="label" for=${`${prefix}-content`}>${words.text('commentLabel')} <span aria-hidden="true">*</span></label>
      <textarea
        part="textarea"
        id=${`${prefix}-content`}
        name="content"
        rows="6"
        dir="auto"
        maxlength="65525"
        required
        ?hidden=${previewing}
        .value=${form.values.content}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described || undefined)}
      ></textarea>
      ${error ? html`<span part="field-error" id=${`${prefix}-content-error`}>${error}</span>` : nothing}
    </p>
    ${formatTools(`edit:${c.id}`, prefix, view)}
    <p part="form-submit">
      <button part="submit-button" type="submit" ?disabled=${form.submitting} aria-describedby=${ifDefined(message ? `${prefix}-message` : undefined)}>
        ${form.submitting ? words.text('saving') : words.text('saveEdit')}
      </button>
      <button part="cancel-button" type="button" @click=${view.own.onEditCancel}>${words.text('cancelEdit')}</button>
    </p>
  </form>`;
}

/** "Delete this comment? Delete / Keep", inside the comment; Escape keeps it. No window.confirm: it blocks the page and cannot be styled or translated. */
function confirmDelete(domId: string, view: View): TemplateResult {
  const words = view.words;
  return html`<p part="confirm-delete" id=${`${domId}-confirm`} role="group" aria-labelledby=${`${domId}-question`} tabindex="-1" @keydown=${onEscape(view.own.onKeep)}>
    <span id=${`${domId}-question`}>${words.text('deleteConfirm')}</span>
    <button part="confirm-delete-button" type="button" @click=${view.own.onDelete}>${words.text('delete')}</button>
    <button part="keep-button" type="button" @click=${view.own.onKeep}>${words.text('keep')}</button>
  </p>`;
}

/** What the visitor is doing to their own comment `c`, under its text: editing it, or confirming its deletion. */
export function ownPanel(c: Comment, domId: string, view: View) {
  if (view.own.editing?.key === c.id) return editForm(c, domId, view);
  if (view.own.confirming === c.id) return confirmDelete(domId, view);
  return nothing;
}
