import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { fieldRules, type Field } from '../field-rules.js';
import type { FormState, View } from './view.js';

const field = (
  form: FormState,
  prefix: string,
  name: Exclude<Field, 'content'>,
  label: string,
  required: boolean,
  type: 'text' | 'email' | 'url',
  autocomplete: string,
) => {
  const id = `${prefix}-${name}`;
  const error = form.errors[name];
  return html`<p part="field field-${name}">
    <label part="label" for=${id}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
    <input
      part="input"
      id=${id}
      name=${name}
      type=${type}
      autocomplete=${autocomplete}
      maxlength=${name === 'email' ? 100 : name === 'url' ? 200 : 245}
      .value=${form.values[name]}
      ?required=${required}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
    />
    ${error ? html`<span part="field-error" id="${id}-error">${error}</span>` : nothing}
  </p>`;
};

/** The comment form, for the top level (`parentName` absent) or as a reply under a comment. */
export function commentForm(form: FormState, prefix: string, view: View, parentName?: string): TemplateResult {
  const m = view.messages;
  const rules = fieldRules(view.capabilities);
  const reply = parentName !== undefined;
  const titleId = `${prefix}-title`;
  const contentId = `${prefix}-content`;
  const contentError = form.errors.content;
  const anyRequired = rules.name === 'required' || rules.email === 'required';
  // The privacy-notice slot sits in the form being used: the reply form when one is open, as WordPress
  // moves its single form.
  const slotHere = reply || view.replyTo === null;
  const notice = html`<span>${m.privacyNotice}</span>${anyRequired
      ? html` <span part="required-notice">${m.requiredNotice}</span>`
      : nothing}`;
  return html`<form
    part="form${reply ? ' reply-form' : ''}"
    id=${`form-${prefix}`}
    aria-labelledby=${titleId}
    novalidate
    @submit=${(e: SubmitEvent) => view.onSubmit(form.key, e)}
    @input=${(e: Event) => view.onInput(form.key, e)}
    @change=${(e: Event) => view.onInput(form.key, e)}
    @keydown=${reply
      ? (e: KeyboardEvent) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            view.onCancel(form.key);
          }
        }
      : undefined}
  >
    <h3 part="form-title" id=${titleId}>
      ${reply ? m.replyTo(parentName) : m.leaveReply}
      ${reply
        ? html`<button part="cancel-button" type="button" @click=${() => view.onCancel(form.key)}>${m.cancelReply}</button>`
        : nothing}
    </h3>
    ${view.capabilities.identity
      ? html`<p part="logged-in">${m.loggedInAs(view.capabilities.identity.name)}</p>`
      : rules.email !== 'hidden' || anyRequired
        ? html`<p part="notice">${slotHere ? html`<slot name="privacy-notice">${notice}</slot>` : notice}</p>`
        : nothing}
    ${form.message ? html`<p part="error" role="alert" id=${`${prefix}-message`}>${form.message}</p>` : nothing}
    <p part="field field-content">
      <label part="label" for=${contentId}>${m.commentLabel} <span aria-hidden="true">*</span></label>
      <textarea
        part="textarea"
        id=${contentId}
        name="content"
        rows="6"
        maxlength="65525"
        required
        .value=${form.values.content}
        aria-invalid=${contentError ? 'true' : 'false'}
        aria-describedby=${ifDefined(contentError ? `${contentId}-error` : undefined)}
      ></textarea>
      ${contentError ? html`<span part="field-error" id="${contentId}-error">${contentError}</span>` : nothing}
    </p>
    ${rules.name !== 'hidden' ? field(form, prefix, 'name', m.nameLabel, rules.name === 'required', 'text', 'name') : nothing}
    ${rules.email !== 'hidden'
      ? field(form, prefix, 'email', m.emailLabel, rules.email === 'required', 'email', 'email')
      : nothing}
    ${rules.url ? field(form, prefix, 'url', m.websiteLabel, false, 'url', 'url') : nothing}
    <p class="hp" aria-hidden="true">
      <label>${m.honeypot} <input name="hp" type="text" tabindex="-1" autocomplete="off" /></label>
    </p>
    ${rules.name !== 'hidden' || rules.email !== 'hidden'
      ? html`<p part="consent">
          <input type="checkbox" id=${`${prefix}-consent`} name="consent" .checked=${form.consent} />
          <label for=${`${prefix}-consent`}>${m.consent}</label>
        </p>`
      : nothing}
    <p part="form-submit">
      <button part="submit-button" type="submit" ?disabled=${form.submitting} aria-describedby=${ifDefined(form.message ? `${prefix}-message` : undefined)}>
        ${form.submitting ? m.posting : m.postComment}
      </button>
    </p>
    ${view.privacyUrl && slotHere
      ? html`<p part="privacy"><a part="privacy-link" href=${view.privacyUrl}>${m.privacyPolicy}</a></p>`
      : nothing}
  </form>`;
}

/** The reply form under a comment. */
export function replyForm(id: string, domId: string, parentName: string, view: View) {
  const form = view.forms.get(id);
  return form ? commentForm(form, domId, view, parentName) : nothing;
}
