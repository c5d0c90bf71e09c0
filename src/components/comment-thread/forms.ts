/**
 * The comment forms: their drafts (kept across reloads and failures), validation, spam friction,
 * the submit path (one request per submit, never retried on its own), and focus as forms open,
 * close and succeed.
 */
import type { Capabilities, CommentAdapter } from '../../adapters/types.js';
import type { Messages } from '../../i18n/messages.js';
import type { Comment } from '../../model/schemas.js';
import { findNode, type ThreadNode } from '../../model/thread.js';
import { loadDrafts, loadIdentity, saveDrafts, type DraftValues } from '../../storage.js';
import type { FormState } from './templates/view.js';
import type { Field } from './field-rules.js';

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

let submitModule: Promise<typeof import('./submit.js')> | undefined;
const loadSubmit = () => (submitModule ??= import('./submit.js'));

export class Forms {
  readonly states = new Map<string, FormState>();
  /** @internal */
  replyTo: string | null = null;
  /** @internal */
  readonly controllers = new Set<AbortController>();

  constructor(readonly host: FormsHost) {}

  /** @internal */
  byId(id: string): HTMLElement | null {
    const root = this.host.renderRoot as ShadowRoot;
    return root.getElementById?.(id) ?? null;
  }

  /** @internal */
  blank(key: string, parentId: string | null, values?: DraftValues): FormState {
    const identity = loadIdentity();
    return {
      key,
      parentId,
      values: values ?? {
        content: '',
        name: identity?.name ?? '',
        email: identity?.email ?? '',
        url: identity?.url ?? '',
      },
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

  /** @internal */
  persist(): void {
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
    this.byId(`comment-${encodeURIComponent(key)}`)
      ?.querySelector<HTMLElement>('[part~="reply-button"]')
      ?.focus();
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
    // The visitor is writing: fetch the submit path now so Post answers at once.
    void loadSubmit();
  }

  abort(): void {
    for (const controller of this.controllers) controller.abort();
  }

  /** Validates and sends, with the submit path loaded on first use (readers who never comment never download it). */
  async submit(key: string, event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = this.states.get(key);
    if (!form || form.submitting) return;
    // Read before awaiting: once dispatch ends, the event no longer exposes a target inside a shadow root.
    const element = event.target as HTMLFormElement;
    const { submit } = await loadSubmit();
    await submit(this, key, element);
  }
}
