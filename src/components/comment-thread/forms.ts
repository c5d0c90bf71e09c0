/**
 * The comment forms: their drafts (kept across reloads and failures), validation, spam friction,
 * the submit path (one request per submit, never retried on its own), and focus as forms open,
 * close and succeed.
 */
import { CommentThreadError } from '../../adapters/errors.js';
import type { Capabilities, CommentAdapter } from '../../adapters/types.js';
import { CommentErrorEvent, CommentSubmitEvent, CommentSubmittedEvent } from '../../events.js';
import type { Messages } from '../../i18n/messages.js';
import type { Comment } from '../../model/schemas.js';
import { findNode, type ThreadNode } from '../../model/thread.js';
import { loadDrafts, loadIdentity, saveDrafts, saveIdentity, type DraftValues } from '../../storage.js';
import type { FormState } from './templates/view.js';
import { validate, type Field } from './validate.js';

/** What the forms need from their element. */
export interface FormsHost extends HTMLElement {
  readonly postId: string;
  readonly scope: string;
  readonly strings: Messages;
  readonly capabilities: Capabilities;
  readonly currentAdapter: CommentAdapter | undefined;
  readonly minFillTime: number;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  readonly thread: { nodes: readonly ThreadNode[]; insert(comment: Comment, scope: string): void };
  changed(what?: { replyTo?: string | null; arrived?: string | null; announce?: string }): void;
}

const FIELDS = ['content', 'name', 'email', 'url'] as const;

export class Forms {
  readonly states = new Map<string, FormState>();
  private replyTo: string | null = null;
  private controllers = new Set<AbortController>();

  constructor(private readonly host: FormsHost) {}

  private byId(id: string): HTMLElement | null {
    const root = this.host.renderRoot as ShadowRoot;
    return root.getElementById?.(id) ?? null;
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

  /** The top-level form. */
  top(): FormState {
    let form = this.states.get('top');
    if (!form) this.states.set('top', (form = this.blank('top', null)));
    return form;
  }

  /** After a load: drafts typed before a reload, and the reply form that was open. */
  restore(): void {
    const drafts = loadDrafts(this.host.scope);
    const nodes = this.host.thread.nodes;
    for (const [key, values] of Object.entries(drafts.forms)) {
      if (this.states.has(key)) continue;
      if (key === 'top') this.states.set(key, this.blank('top', null, values));
      else if (findNode(nodes, key)) this.states.set(key, this.blank(key, key, values));
    }
    if (drafts.replyTo && findNode(nodes, drafts.replyTo) && this.host.capabilities.reply) {
      this.replyTo = drafts.replyTo;
      if (!this.states.has(this.replyTo)) this.states.set(this.replyTo, this.blank(this.replyTo, this.replyTo));
      this.host.changed({ replyTo: this.replyTo });
    }
  }

  private persist(): void {
    const forms: Record<string, DraftValues> = {};
    for (const [key, form] of this.states) {
      if (form.values.content.trim() || (key !== 'top' && key === this.replyTo)) forms[key] = form.values;
    }
    saveDrafts(this.host.scope, { replyTo: this.replyTo, forms });
  }

  /** Opens the reply form under a comment and moves focus into it. */
  async openReply(id: string): Promise<void> {
    if (!this.states.has(id)) this.states.set(id, this.blank(id, id));
    this.replyTo = id;
    this.persist();
    this.host.changed({ replyTo: id });
    await this.host.updateComplete;
    this.byId(`comment-${encodeURIComponent(id)}-content`)?.focus();
  }

  /** Closes a reply form (its draft stays for next time) and gives focus back to its Reply button. */
  async cancel(key: string): Promise<void> {
    if (key !== this.replyTo) return;
    this.replyTo = null;
    this.persist();
    this.host.changed({ replyTo: null });
    await this.host.updateComplete;
    this.byId(`comment-${encodeURIComponent(key)}`)?.querySelector<HTMLElement>('[part~="reply-button"]')?.focus();
  }

  input(key: string, event: Event): void {
    const form = this.states.get(key);
    const target = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (!form || !target?.name) return;
    if (target.name === 'consent') form.consent = (target as HTMLInputElement).checked;
    else if ((FIELDS as readonly string[]).includes(target.name)) {
      const name = target.name as Field;
      form.values = { ...form.values, [name]: target.value };
      if (form.errors[name]) {
        delete form.errors[name];
        form.version++;
        this.host.changed();
      }
    }
    this.persist();
  }

  abort(): void {
    for (const controller of this.controllers) controller.abort();
  }

  /** Validates, lets the page veto, sends once, and shows the outcome. The draft survives any failure. */
  async submit(key: string, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this.states.get(key);
    const adapter = this.host.currentAdapter;
    if (!form || form.submitting || !adapter?.submit) return;
    const m = this.host.strings;
    const element = event.target as HTMLFormElement;
    const honeypot = (element.elements.namedItem('hp') as HTMLInputElement | null)?.value;
    if (honeypot || (form.openedAt && Date.now() - form.openedAt < this.host.minFillTime * 1000)) {
      // A bot (or a submit faster than anyone types): refused without saying why, and without a request.
      return this.fail(form, new CommentThreadError('rejected', m.spamRejected, { reason: 'spam' }));
    }
    const result = validate(form.values, {
      postId: this.host.postId,
      parentId: form.parentId,
      capabilities: this.host.capabilities,
    });
    if ('errors' in result) {
      const fields = Object.keys(result.errors) as Field[];
      form.errors = Object.fromEntries(fields.map((f) => [f, m[result.errors[f]!]]));
      form.message = m.fixErrors(fields.length);
      form.version++;
      this.host.changed({ announce: form.message });
      await this.host.updateComplete;
      element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const veto = new CommentSubmitEvent({ draft: result.draft });
    this.host.dispatchEvent(veto);
    if (veto.defaultPrevented) return;

    form.submitting = true;
    form.errors = {};
    form.message = undefined;
    form.version++;
    this.host.changed();
    const controller = new AbortController();
    this.controllers.add(controller);
    let comment: Comment;
    try {
      comment = await adapter.submit(result.draft, { signal: controller.signal });
    } catch (error) {
      const failure = CommentThreadError.from(error);
      form.submitting = false;
      if (failure.code === 'aborted') return;
      return this.fail(form, failure);
    } finally {
      this.controllers.delete(controller);
    }
    await this.succeed(form, comment);
  }

  private fail(form: FormState, error: CommentThreadError): void {
    const m = this.host.strings;
    form.message = error.message || m.submitFailed;
    form.version++;
    this.host.changed({ announce: form.message });
    this.host.dispatchEvent(new CommentErrorEvent({ error, phase: 'submit' }));
  }

  private async succeed(form: FormState, comment: Comment): Promise<void> {
    const m = this.host.strings;
    const { name, email, url } = form.values;
    saveIdentity(form.consent ? { name: name.trim(), email: email.trim(), url: url.trim() } : undefined);
    if (form.key === 'top') {
      // The text goes; who they are stays for their next comment on this page.
      const values = { content: '', name, email, url };
      this.states.set('top', { ...this.blank('top', null, values), openedAt: Date.now(), consent: form.consent, version: form.version + 1 });
    } else {
      this.states.delete(form.key);
      if (this.replyTo === form.key) this.replyTo = null;
    }
    this.persist();
    this.host.thread.insert(comment, this.host.scope);
    this.host.changed({
      replyTo: this.replyTo,
      arrived: comment.id,
      announce: comment.status === 'pending' ? m.commentPending : m.commentPosted,
    });
    this.host.dispatchEvent(new CommentSubmittedEvent({ comment }));
    await this.host.updateComplete;
    const article = this.byId(`comment-${encodeURIComponent(comment.id)}`);
    article?.focus({ preventScroll: true });
    article?.scrollIntoView({ block: 'nearest' });
  }
}
