import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Words } from '../../../i18n/words.js';
import { fieldRules } from '../field-rules.js';
import type { Field, FormState, View } from './view.js';

const field = (
  words: Words,
  form: FormState,
  prefix: string,
  name: Exclude<Field, 'content'>,
  label: string,
  required: boolean,
  type: 'text' | 'email' | 'url',
  autocomplete: string,
) => {
  const id = `${prefix}-${name}`;
  const key = form.errors[name];
  const error = key && words.text(key);
  // Email addresses and URLs run left to right in every language; a name runs as its first letter says.
  return html`<p part="field field-${name}">
    <label part="label" for=${id}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
    <input
      part="input"
      id=${id}
      name=${name}
      type=${type}
      autocomplete=${autocomplete}
      dir=${type === 'text' ? 'auto' : 'ltr'}
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
  const words = view.words;
  const rules = fieldRules(view.capabilities);
  const reply = parentName !== undefined;
  const titleId = `${prefix}-title`;
  const contentId = `${prefix}-content`;
  const contentError = form.errors.content && words.text(form.errors.content);
  const problem = form.problem;
  const message = !problem ? undefined : problem.kind === 'invalid' ? words.count('fixErrors', problem.count) : words.error(problem.error);
  const anyRequired = rules.name === 'required' || rules.email === 'required';
  // The privacy-notice slot sits in the form being used: the reply form when one is open, as WordPress
  // moves its single form.
  const slotHere = reply || view.replyTo === null;
  const notice = html`<span>${words.text('privacyNotice')}</span>${anyRequired
      ? html` <span part="required-notice">${words.text('requiredNotice')}</span>`
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
      ${reply ? words.text('replyTo', { name: parentName }) : words.text('leaveReply')}
      ${reply
        ? html`<button part="cancel-button" type="button" @click=${() => view.onCancel(form.key)}>${words.text('cancelReply')}</button>`
        : nothing}
    </h3>
    ${view.capabilities.identity
      ? html`<p part="logged-in">${words.text('loggedInAs', { name: view.capabilities.identity.name })}</p>`
      : rules.email !== 'hidden' || anyRequired
        ? html`<p part="notice">${slotHere ? html`<slot name="privacy-notice">${notice}</slot>` : notice}</p>`
        : nothing}
    ${message ? html`<p part="error" role="alert" id=${`${prefix}-message`}>${message}</p>` : nothing}
    <p part="field field-content">
      <label part="label" for=${contentId}>${words.text('commentLabel')} <span aria-hidden="true">*</span></label>
      <textarea
        part="textarea"
        id=${contentId}
        name="content"
        rows="6"
        dir="auto"
        maxlength="65525"
        required
        ?hidden=${view.own.preview(form.key) !== undefined}
        .value=${form.values.content}
        aria-invalid=${contentError ? 'true' : 'false'}
        aria-describedby=${ifDefined([contentError ? `${contentId}-error` : '', view.own.hintId(view, prefix) ?? ''].filter(Boolean).join(' ') || undefined)}
      ></textarea>
      ${contentError ? html`<span part="field-error" id="${contentId}-error">${contentError}</span>` : nothing}
    </p>
    ${view.own.formatTools(form.key, prefix, view)}
    ${rules.name !== 'hidden' ? field(words, form, prefix, 'name', words.text('nameLabel'), rules.name === 'required', 'text', 'name') : nothing}
    ${rules.email !== 'hidden'
      ? field(words, form, prefix, 'email', words.text('emailLabel'), rules.email === 'required', 'email', 'email')
      : nothing}
    ${rules.url ? field(words, form, prefix, 'url', words.text('websiteLabel'), false, 'url', 'url') : nothing}
    ${view.capabilities.notify && rules.email !== 'hidden'
      ? html`<p part="notify">
          <input type="checkbox" id=${`${prefix}-notify`} name="notify" .checked=${form.notify === true} />
          <label for=${`${prefix}-notify`}>${words.text('notifyReplies')}</label>
        </p>`
      : nothing}
    <p class="hp" aria-hidden="true">
      <label>${words.text('honeypot')} <input name="hp" type="text" tabindex="-1" autocomplete="off" /></label>
    </p>
    ${rules.name !== 'hidden' || rules.email !== 'hidden'
      ? html`<p part="consent">
          <input type="checkbox" id=${`${prefix}-consent`} name="consent" .checked=${form.consent} />
          <label for=${`${prefix}-consent`}>${words.text('consent')}</label>
        </p>`
      : nothing}
    <p part="form-submit">
      <button part="submit-button" type="submit" ?disabled=${form.submitting} aria-describedby=${ifDefined(message ? `${prefix}-message` : undefined)}>
        ${form.submitting ? words.text('posting') : words.text('postComment')}
      </button>
    </p>
    ${view.privacyUrl && slotHere
      ? html`<p part="privacy"><a part="privacy-link" href=${view.privacyUrl}>${words.text('privacyPolicy')}</a></p>`
      : nothing}
  </form>`;
}

/** The reply form under a comment. */
export function replyForm(id: string, domId: string, parentName: string, view: View) {
  const form = view.forms.get(id);
  return form ? commentForm(form, domId, view, parentName) : nothing;
}
