/**
 * The comment forms: their drafts (kept across reloads and failures), which reply form is open, focus as
 * forms open and close, and the submit path: fields validated first, then spam friction, then one request
 * per submit with an idempotency key, never retried on its own. It returns what happened; the element
 * dispatches the events and announces the outcome.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentAdapter } from '../../adapters/types.js';
import type { Capabilities } from '../../model/capabilities.js';
import { CommentThreadError } from '../../model/errors.js';
import type { Comment, Draft } from '../../model/schemas.js';
import { findNode, type ThreadNode } from '../../model/thread.js';
import { loadDrafts, loadIdentity, saveDrafts, saveIdentity, type DraftValues } from '../../storage.js';
import type { Field, FormState } from './templates/view.js';

/** What the forms read from their element when they act. */
export interface FormsContext {
  postId: string;
  scope: string;
  capabilities: Capabilities;
  adapter: CommentAdapter | undefined;
  /** Seconds a form must be open before it may be posted. */
  minFillTime: number;
}

/** What a submit came to. */
export type SubmitOutcome =
  | { kind: 'ignored' }
  | { kind: 'invalid'; count: number }
  | { kind: 'vetoed' }
  | { kind: 'aborted' }
  | { kind: 'failed'; error: CommentThreadError }
  | { kind: 'posted'; comment: Comment };

const FIELDS: readonly string[] = ['content', 'name', 'email', 'url'];

/** The validation path (zod and the draft schema) loads when a visitor first types, not with every page. */
let validation: Promise<typeof import('./validate.js')> | undefined;
const loadValidation = () => (validation ??= import('./validate.js'));

/** A key for one draft: `crypto.randomUUID` where the page is a secure context, else random enough to tell drafts apart. */
const newKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;

export class FormsController implements ReactiveController {
  readonly states = new Map<string, FormState>();
  /** The comment whose reply form is open. */
  replyTo: string | null = null;
  private readonly requests = new Set<AbortController>();
  /** Forms between Post and the request: a second click meanwhile sends nothing. */
  private readonly busy = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly context: () => FormsContext,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const request of this.requests) request.abort();
  }

  /** The top-level form. */
  top(): FormState {
    let form = this.states.get('top');
    if (!form) this.states.set('top', (form = this.blank('top', null)));
    return form;
  }

  /** After a load: drafts typed before a reload, and the reply form that was open. */
  restore(nodes: readonly ThreadNode[]): void {
    const { scope, capabilities } = this.context();
    const drafts = loadDrafts(scope);
    for (const [key, values] of Object.entries(drafts.forms)) {
      if (this.states.has(key)) continue;
      if (key === 'top') this.states.set(key, this.blank('top', null, values));
      else if (findNode(nodes, key)) this.states.set(key, this.blank(key, key, values));
    }
    if (drafts.replyTo && findNode(nodes, drafts.replyTo) && capabilities.reply) {
      this.replyTo = drafts.replyTo;
      if (!this.states.has(this.replyTo)) this.states.set(this.replyTo, this.blank(this.replyTo, this.replyTo));
    }
    this.host.requestUpdate();
  }

  /** Opens the reply form under a comment and moves focus into it. */
  async openReply(id: string): Promise<void> {
    if (!this.states.has(id)) this.states.set(id, this.blank(id, id));
    this.replyTo = id;
    this.persist();
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.byId(`comment-${encodeURIComponent(id)}-content`)?.focus();
  }

  /** Closes a reply form (its draft stays for next time) and gives focus back to its Reply button. */
  async cancel(key: string): Promise<void> {
    if (key !== this.replyTo) return;
    this.replyTo = null;
    this.persist();
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.byId(`comment-${encodeURIComponent(key)}`)?.querySelector<HTMLElement>('[data-action="reply"]')?.focus();
  }

  /** A field changed: keep the draft, and clear that field's error. */
  input(key: string, event: Event): void {
    const form = this.states.get(key);
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (!form || !target?.name) return;
    if (target.name === 'consent') form.consent = (target as HTMLInputElement).checked;
    else if (target.name === 'notify') form.notify = (target as HTMLInputElement).checked;
    else if (FIELDS.includes(target.name)) {
      const name = target.name as Field;
      form.values = { ...form.values, [name]: target.value };
      if (form.errors[name]) {
        delete form.errors[name];
        form.version++;
        this.host.requestUpdate();
      }
    }
    this.persist();
    // The visitor is writing: fetch the validation path now so Post answers at once.
    void loadValidation();
  }

  /**
   * Validates, lets the page veto (`veto` dispatches the cancelable event), sends once and records the
   * outcome in the form. The draft survives any failure.
   */
  async submit(key: string, form: HTMLFormElement, veto: (draft: Draft) => boolean): Promise<SubmitOutcome> {
    const state = this.states.get(key);
    const context = this.context();
    const adapter = context.adapter;
    if (!state || state.submitting || this.busy.has(key) || !adapter?.submit) return { kind: 'ignored' };
    this.busy.add(key);
    try {
      return await this.send(state, form, context, adapter.submit.bind(adapter), veto);
    } finally {
      this.busy.delete(key);
    }
  }

  private async send(
    state: FormState,
    form: HTMLFormElement,
    context: FormsContext,
    submit: NonNullable<CommentAdapter['submit']>,
    veto: (draft: Draft) => boolean,
  ): Promise<SubmitOutcome> {
    const { validate } = await loadValidation();
    const result = validate(state.values, { postId: context.postId, parentId: state.parentId, capabilities: context.capabilities });
    if ('errors' in result) {
      state.errors = result.errors;
      state.problem = { kind: 'invalid', count: Object.keys(result.errors).length };
      state.version++;
      this.host.requestUpdate();
      await this.host.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return { kind: 'invalid', count: state.problem.count };
    }
    // Spam friction after the fields: a visitor who clicks Post on an empty form hears what to fill in.
    if ((form.elements.namedItem('hp') as HTMLInputElement | null)?.value) {
      return this.failed(state, new CommentThreadError('rejected', 'The honeypot field was filled in; nothing was sent.', { reason: 'spam' }));
    }
    if (state.openedAt && Date.now() - state.openedAt < context.minFillTime * 1000) {
      // Faster than anyone types: nothing is sent, and the visitor is told to wait a moment.
      return this.failed(state, new CommentThreadError('rejected', 'Submitted faster than the minimum fill time; nothing was sent.', { reason: 'too-fast' }));
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
    this.host.requestUpdate();
    const request = new AbortController();
    this.requests.add(request);
    try {
      const comment = await submit(result.draft, { signal: request.signal, idempotencyKey: state.attempt.key });
      this.posted(state);
      return { kind: 'posted', comment };
    } catch (error) {
      state.submitting = false;
      const failure = CommentThreadError.from(error);
      if (failure.code === 'aborted') return { kind: 'aborted' };
      return this.failed(state, failure);
    } finally {
      this.requests.delete(request);
    }
  }

  /** Moves focus to a comment just inserted. */
  async focusComment(id: string): Promise<void> {
    await this.host.updateComplete;
    const article = this.byId(`comment-${encodeURIComponent(id)}`);
    article?.focus({ preventScroll: true });
    article?.scrollIntoView({ block: 'nearest' });
  }

  private failed(state: FormState, error: CommentThreadError): SubmitOutcome {
    state.problem = { kind: 'error', error };
    state.version++;
    this.host.requestUpdate();
    return { kind: 'failed', error };
  }

  /** A posted form: the text goes; who they are stays for their next comment on this page. */
  private posted(state: FormState): void {
    const { name, email, url } = state.values;
    saveIdentity(state.consent ? { name: name.trim(), email: email.trim(), url: url.trim() } : undefined);
    if (state.key === 'top') {
      this.states.set('top', { ...this.blank('top', null, { content: '', name, email, url }), openedAt: Date.now(), consent: state.consent, version: state.version + 1 });
    } else {
      this.states.delete(state.key);
      if (this.replyTo === state.key) this.replyTo = null;
    }
    this.persist();
  }

  private blank(key: string, parentId: string | null, values?: DraftValues): FormState {
    const identity = loadIdentity();
    return {
      key,
      parentId,
      values: values ?? { content: '', name: identity?.name ?? '', email: identity?.email ?? '', url: identity?.url ?? '' },
      consent: identity !== undefined,
      errors: {},
      submitting: false,
      // A restored draft was typed earlier: the minimum fill time is already met.
      openedAt: values ? 0 : Date.now(),
      version: 0,
    };
  }

  private persist(): void {
    const forms: Record<string, DraftValues> = {};
    for (const [key, form] of this.states) {
      if (form.values.content.trim() || (key !== 'top' && key === this.replyTo)) forms[key] = form.values;
    }
    saveDrafts(this.context().scope, { replyTo: this.replyTo, forms });
  }

  private byId(id: string): HTMLElement | null {
    return (this.host.renderRoot as ShadowRoot).getElementById?.(id) ?? null;
  }
}
