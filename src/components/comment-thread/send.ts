/**
 * The submit path, a chunk of its own fetched when a visitor first types: fields validated first, then
 * spam friction, then the page's veto, then one request with an idempotency key that is reused when the
 * same draft is sent again, never retried on its own. The draft survives any failure.
 */
import type { ReactiveControllerHost } from 'lit';
import type { CommentAdapter } from '../../adapters/types.js';
import { CommentThreadError } from '../../model/errors.js';
import type { Draft } from '../../model/schemas.js';
import type { FormsContext, SubmitOutcome } from './forms-context.js';
import type { FormState } from './templates/view.js';
import { validate } from './validate.js';

/** What the submit path uses of its `FormsController`. */
export interface SendingForms {
  readonly host: ReactiveControllerHost;
  readonly requests: Set<AbortController>;
  failed(state: FormState, error: CommentThreadError): SubmitOutcome;
  posted(state: FormState): void;
}

/** A key for one draft: `crypto.randomUUID` where the page is a secure context, else random enough to tell drafts apart. */
const newKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

/** Validates, lets the page veto, sends once and records the outcome in the form. */
export async function send(
forms: SendingForms,
  state: FormState,
  form: HTMLFormElement,
  context: FormsContext,
  submit: NonNullable<CommentAdapter['submit']>,
  veto: (draft: Draft) => boolean,
): Promise<SubmitOutcome> {
    const result = validate(state.values, { postId: context.postId, parentId: state.parentId, capabilities: context.capabilities });
  if ('errors' in result) {
    state.errors = result.errors;
    state.problem = { kind: 'invalid', count: Object.keys(result.errors).length };
    state.version++;
    forms.host.requestUpdate();
    await forms.host.updateComplete;
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return { kind: 'invalid', count: state.problem.count };
  }
  // Spam friction after the fields: a visitor who clicks Post on an empty form hears what to fill in.
  if ((form.elements.namedItem('hp') as HTMLInputElement | null)?.value) {
    return forms.failed(state, new CommentThreadError('rejected', 'The honeypot field was filled in; nothing was sent.', { reason: 'spam' }));
  }
  if (state.openedAt && Date.now() - state.openedAt < context.minFillTime * 1000) {
    // Faster than anyone types: nothing is sent, and the visitor is told to wait a moment.
    return forms.failed(state, new CommentThreadError('rejected', 'Submitted faster than the minimum fill time; nothing was sent.', { reason: 'too-fast' }));
  }
  // Replies by email only when the visitor asked, and only where the backend can send them.
  if (state.notify && context.capabilities.notify && result.draft.author.email) result.draft.notify = true;
  if (!veto(result.draft)) return { kind: 'vetoed' };

  const sent = JSON.stringify(result.draft);
  if (state.attempt?.draft !== sent) state.attempt = { draft: sent, key: newKey() };
  state.submitting = true;
  state.errors = {};
  state.problem = undefined;
  state.version++;
  forms.host.requestUpdate();
  const request = new AbortController();
  forms.requests.add(request);
  try {
    const comment = await submit(result.draft, { signal: request.signal, idempotencyKey: state.attempt.key });
    forms.posted(state);
    return { kind: 'posted', comment };
  } catch (error) {
    state.submitting = false;
    const failure = CommentThreadError.from(error);
    if (failure.code === 'aborted') return { kind: 'aborted' };
    return forms.failed(state, failure);
  } finally {
    forms.requests.delete(request);
  }
}
