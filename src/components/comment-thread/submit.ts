/**
 * The submit path, loaded on first use: validation, the page's veto, one request per submit (never
 * retried on its own), and the outcome shown, announced and evented. The draft survives any failure.
 */
import { CommentThreadError } from '../../model/errors.js';
import { CommentErrorEvent, CommentSubmitEvent, CommentSubmittedEvent } from '../../events.js';
import type { Comment } from '../../model/schemas.js';
import { saveIdentity } from '../../storage.js';
import type { Forms } from './forms.js';
import type { FormState } from './templates/view.js';
import { validate, type Field } from './validate.js';

/** Validates, lets the page veto, sends once, and shows the outcome. The draft survives any failure. */
export async function submit(forms: Forms, key: string, element: HTMLFormElement): Promise<void> {
  const host = forms.host;
  const form = forms.states.get(key);
  const adapter = host.currentAdapter;
  if (!form || form.submitting || !adapter?.submit) return;
  const m = host.strings;
  const honeypot = (element.elements.namedItem('hp') as HTMLInputElement | null)?.value;
  if (honeypot || (form.openedAt && Date.now() - form.openedAt < host.minFillTime * 1000)) {
    // A bot (or a submit faster than anyone types): refused without saying why, and without a request.
    return fail(forms, form, new CommentThreadError('rejected', m.spamRejected, { reason: 'spam' }));
  }
  const result = validate(form.values, {
    postId: host.postId,
    parentId: form.parentId,
    capabilities: host.capabilities,
  });
  if ('errors' in result) {
    const fields = Object.keys(result.errors) as Field[];
    form.errors = Object.fromEntries(fields.map((f) => [f, m[result.errors[f]!]]));
    form.message = m.fixErrors(fields.length);
    form.version++;
    host.changed({ announce: form.message });
    await host.updateComplete;
    element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  const veto = new CommentSubmitEvent({ draft: result.draft });
  host.dispatchEvent(veto);
  if (veto.defaultPrevented) return;

  form.submitting = true;
  form.errors = {};
  form.message = undefined;
  form.version++;
  host.changed();
  const controller = new AbortController();
  forms.controllers.add(controller);
  let comment: Comment;
  try {
    comment = await adapter.submit(result.draft, { signal: controller.signal });
  } catch (error) {
    const failure = CommentThreadError.from(error);
    form.submitting = false;
    if (failure.code === 'aborted') return;
    return fail(forms, form, failure);
  } finally {
    forms.controllers.delete(controller);
  }
  await succeed(forms, form, comment);
}

function fail(forms: Forms, form: FormState, error: CommentThreadError): void {
  const host = forms.host;
  const m = host.strings;
  form.message = error.message || m.submitFailed;
  form.version++;
  host.changed({ announce: form.message });
  host.dispatchEvent(new CommentErrorEvent({ error, phase: 'submit' }));
}

async function succeed(forms: Forms, form: FormState, comment: Comment): Promise<void> {
  const host = forms.host;
  const m = host.strings;
  const { name, email, url } = form.values;
  saveIdentity(form.consent ? { name: name.trim(), email: email.trim(), url: url.trim() } : undefined);
  if (form.key === 'top') {
    // The text goes; who they are stays for their next comment on this page.
    const values = { content: '', name, email, url };
    forms.states.set('top', {
      ...forms.blank('top', null, values),
      openedAt: Date.now(),
      consent: form.consent,
      version: form.version + 1,
    });
  } else {
    forms.states.delete(form.key);
    if (forms.replyTo === form.key) forms.replyTo = null;
  }
  forms.persist();
  host.thread.insert(comment, host.scope);
  host.changed({
    replyTo: forms.replyTo,
    arrived: comment.id,
    announce: comment.status === 'pending' ? m.commentPending : m.commentPosted,
  });
  host.dispatchEvent(new CommentSubmittedEvent({ comment }));
  await host.updateComplete;
  const article = forms.byId(`comment-${encodeURIComponent(comment.id)}`);
  article?.focus({ preventScroll: true });
  article?.scrollIntoView({ block: 'nearest' });
}
