/**
 * The comment forms: their drafts (kept across reloads and failures), which reply form is open, focus as
 * forms open and close, and the submit path: fields validated first, then spam friction, then one request
 * per submit with an idempotency key, never retried on its own. It returns what happened; the element
 * dispatches the events and announces the outcome.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentThreadError } from '../../model/errors.js';
import type { Draft } from '../../model/schemas.js';
import { findNode, type ThreadNode } from '../../model/thread.js';
import { loadDrafts, loadIdentity, saveDrafts, saveIdentity, type DraftValues } from '../../storage.js';
import type { Field, FormState } from './templates/view.js';

import type { FormsContext, SubmitOutcome } from './forms-context.js';

export type { FormsContext, SubmitOutcome } from './forms-context.js';

const FIELDS: readonly string[] = ['content', 'name', 'email', 'url'];

/** The submit path (validation with zod, the draft schema, the request) loads when a visitor first types, not with every page. */
let sending: Promise<typeof import('./send.js')> | undefined;
const loadSend = () => (sending ??= import('./send.js'));

export class FormsController implements ReactiveController {
  readonly states = new Map<string, FormState>();
  /** The comment whose reply form is open. */
  replyTo: string | null = null;
  /** Requests under way, aborted when the element leaves the page. */
  readonly requests = new Set<AbortController>();
  /** Forms between Post and the request: a second click meanwhile sends nothing. */
  private readonly busy = new Set<string>();

  constructor(
    readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
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
    // The visitor is writing: fetch the submit path now so Post answers at once.
    void loadSend();
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
      const { send } = await loadSend();
      return await send(this, state, form, context, adapter.submit.bind(adapter), veto);
    } finally {
      this.busy.delete(key);
    }
  }

  /** Moves focus to a comment just inserted. */
  async focusComment(id: string): Promise<void> {
    await this.host.updateComplete;
    const article = this.byId(`comment-${encodeURIComponent(id)}`);
    article?.focus({ preventScroll: true });
    article?.scrollIntoView({ block: 'nearest' });
  }

  /** Records a failure in the form (the draft stays) and says so. */
  failed(state: FormState, error: CommentThreadError): SubmitOutcome {
    state.problem = { kind: 'error', error };
    state.version++;
    this.host.requestUpdate();
    return { kind: 'failed', error };
  }

  /** A posted form: the text goes; who they are stays for their next comment on this page. */
  posted(state: FormState): void {
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
