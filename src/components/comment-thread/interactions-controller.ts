/**
 * What a visitor does to one comment besides replying: likes (shown at once, put back if the backend
 * refuses), editing their own comment in place, deleting it after an inline "Delete / Keep", and the
 * Write / Preview switch of every form on backends that take Markdown. Likes are kept as overrides of the
 * loaded comments, with a version per top-level comment so that only its subtree re-renders; an edit saved
 * or a deletion goes to the thread itself (`replace`, `remove`), so the heading counts what is left. It
 * returns outcomes and moves focus; the element announces and dispatches events, and may veto an edit or a
 * deletion before it is sent.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentAdapter } from '../../adapters/types.js';
import type { Capabilities } from '../../model/capabilities.js';
import { CommentThreadError } from '../../model/errors.js';
import type { Comment, Draft } from '../../model/schemas.js';
import type { ThreadNode } from '../../model/thread.js';
import { removeComment, replaceComment, type ThreadChange, type ThreadHeld } from '../../model/thread-change.js';
import { CommentDeletedEvent, CommentDeleteEvent, CommentLikeEvent, CommentUpdatedEvent, CommentUpdateEvent } from '../../interaction-events.js';
import { likedIds, saveLiked } from './liked-store.js';
import { Previews } from './previews.js';
import { ownPanel } from './templates/own.js';
import { formatTools, hintId } from './templates/preview.js';
import type { FormState, OwnView } from './templates/view.js';

export { interactionStyles } from './interactions.styles.js';

export interface InteractionsContext {
  postId: string;
  scope: string;
  capabilities: Capabilities;
  adapter: CommentAdapter | undefined;
  /** The top-level comment under which `id` is shown. */
  rootOf(id: string): string | undefined;
  node(id: string): ThreadNode | undefined;
  /** A form's state changed outside its controller (its preview): the form re-renders. */
  touchForm(key: string): void;
  /** What the thread holds (ThreadController.held). */
  held(): ThreadHeld;
  /** Puts a changed thread in place (ThreadController.apply). */
  apply(change: ThreadChange): void;
}

/**
 * What came of an action: a failure, or what the page is told (`event`, for the element to dispatch) and
 * the reader hears (`said`, a message key). The event classes load with this module.
 */
export type InteractionOutcome =
  | { kind: 'ignored' }
  | { kind: 'failed'; action: 'like' | 'edit' | 'delete'; error: CommentThreadError }
  | { kind: 'done'; event: Event; said?: 'commentUpdated' | 'commentDeleted' };

/** Dispatches a cancelable event on the element; false when the page cancelled it. */
export type Dispatch = (event: Event) => boolean;

const domId = (id: string) => `comment-${encodeURIComponent(id)}`;

/** The text of an HTML body, for editing a comment whose backend gave no source. */
const textOf = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.innerText.trim();

export class InteractionsController implements ReactiveController {
  private readonly overrides = new Map<string, Partial<Comment>>();
  private readonly versions = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private readonly previews = new Previews((key) => this.touchKey(key));
  private readonly requests = new Set<AbortController>();
  private liked?: { scope: string; ids: Set<string> };
  editing: FormState | undefined;
  confirming: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly context: () => InteractionsContext,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const request of this.requests) request.abort();
  }

  /** What templates read and call; `submitEdit` and `confirmDelete` are the element's, which announce the outcome. */
  view(submitEdit: () => void, confirmDelete: () => void): OwnView {
    return {
      comment: (c) => {
        const o = this.overrides.get(c.id);
        return o ? { ...c, ...o } : c;
      },
      // Deleted comments leave the thread itself (ThreadController.remove): nothing to hide here.
      removed: () => false,
      liked: (c) => this.isLiked(c),
      // From 1, where the inert view before this module says 0: every comment renders again once it arrives.
      version: (rootId) => 1 + (this.versions.get(rootId) ?? 0),
      editing: this.editing,
      confirming: this.confirming,
      preview: (key) => this.previews.get(key),
      panel: ownPanel,
      formatTools,
      hintId,
      onPreview: (key, open, content) => void this.previews.toggle(key, open, content),
      onEditInput: (event) => this.editInput(event),
      onEditSubmit: (event) => {
        event.preventDefault();
        submitEdit();
      },
      onEditCancel: () => void this.cancelEdit(),
      onDelete: confirmDelete,
      onKeep: () => void this.keep(),
    };
  }

  /** Everything of this page view forgotten: a new thread was loaded. */
  reset(): void {
    this.overrides.clear();
    this.editing = undefined;
    this.confirming = null;
    this.liked = undefined;
  }

  /** Likes or un-likes at once; the backend's count replaces the guess, a refusal puts it back. */
  async toggleLike(id: string): Promise<InteractionOutcome> {
    const { adapter, capabilities, postId, scope } = this.context();
    const node = this.context().node(id);
    if (!node || !capabilities.likes || !adapter?.like || this.inFlight.has(id)) return { kind: 'ignored' };
    const c = this.current(node.comment);
    const before = { likes: c.likes ?? 0, liked: this.isLiked(c) };
    // A backend with no "unlike" (Isso) keeps a like given: the button stays pressed.
    if (before.liked && !adapter.unlike) return { kind: 'ignored' };
    const liked = !before.liked;
    this.change(id, { likes: Math.max(0, before.likes + (liked ? 1 : -1)), liked });
    this.inFlight.add(id);
    const request = this.request();
    try {
      const options = { postId, signal: request.signal };
      const likes = await (liked ? adapter.like(id, options) : adapter.unlike!(id, options));
      this.change(id, { likes, liked });
      // Where the backend does not know who likes, this browser remembers, so a visitor likes once.
      if (node.comment.liked === undefined) saveLiked(scope, this.likedHere(), id, liked);
      return { kind: 'done', event: new CommentLikeEvent({ id, liked, count: likes }) };
    } catch (error) {
      this.change(id, before);
      return { kind: 'failed', action: 'like', error: CommentThreadError.from(error) };
    } finally {
      this.inFlight.delete(id);
      this.requests.delete(request);
    }
  }

  /** Opens the edit form in place of the comment's text, with the text as written, and focuses it. */
  async edit(id: string): Promise<void> {
    const node = this.context().node(id);
    if (!node) return;
    if (this.editing?.key === id) return this.cancelEdit();
    const c = this.current(node.comment);
    const content = c.source ?? (c.body.format === 'html' ? textOf(c.body.value) : c.body.value);
    const previous = this.editing?.key;
    this.editing = { key: id, parentId: c.parentId, values: { content, name: '', email: '', url: '' }, consent: false, errors: {}, submitting: false, openedAt: 0, version: 0 };
    this.confirming = null;
    if (previous) this.touch(previous);
    this.touch(id);
    await this.host.updateComplete;
    this.byId(`${domId(id)}-edit-content`)?.focus();
  }

  /** Closes the edit form, the text unchanged, and gives focus back to Edit. */
  async cancelEdit(): Promise<void> {
    const id = this.editing?.key;
    if (id === undefined) return;
    this.editing = undefined;
    this.previews.close(`edit:${id}`);
    this.touch(id);
    await this.host.updateComplete;
    this.focusAction(id, 'edit');
  }

  private editInput(event: Event): void {
    const target = event.target as HTMLTextAreaElement;
    if (!this.editing || target?.name !== 'content') return;
    this.editing.values = { ...this.editing.values, content: target.value };
    if (this.editing.errors.content) {
      this.editing.errors = {};
      this.touch(this.editing.key);
    }
  }

  /**
   * Sends the edited text, unless `veto` (the cancelable `comment-update`) says no; on failure the form
   * stays open with the text and the reason. The comment as stored replaces the old one in the thread.
   */
  async saveEdit(veto: Dispatch = () => true): Promise<InteractionOutcome> {
    const form = this.editing;
    const { adapter, postId } = this.context();
    if (!form || form.submitting || !adapter?.update) return { kind: 'ignored' };
    const id = form.key;
    const content = form.values.content.trim();
    if (!content) {
      form.errors = { content: 'contentRequired' };
      this.touch(id);
      await this.host.updateComplete;
      this.byId(`${domId(id)}-edit-content`)?.focus();
      return { kind: 'ignored' };
    }
    const node = this.context().node(id);
    const draft: Draft = { postId, parentId: form.parentId, content, author: { name: node?.comment.author.name ?? '', email: '' } };
    if (!veto(new CommentUpdateEvent({ id, draft }))) return { kind: 'ignored' };
    form.submitting = true;
    form.problem = undefined;
    this.previews.close(`edit:${id}`);
    this.touch(id);
    const request = this.request();
    try {
      const stored = await adapter.update(id, draft, { postId, signal: request.signal });
      // What the backend did not send back (its place, whether it is the visitor's) stays as it was.
      const comment: Comment = node ? { ...node.comment, ...stored, id, parentId: node.comment.parentId } : stored;
      this.editing = undefined;
      const change = replaceComment(this.context().held(), comment);
      if (change) this.context().apply(change);
      this.touch(id);
      await this.host.updateComplete;
      this.byId(domId(id))?.focus();
      return { kind: 'done', event: new CommentUpdatedEvent({ comment }), said: 'commentUpdated' };
    } catch (error) {
      form.submitting = false;
      const failure = CommentThreadError.from(error);
      form.problem = { kind: 'error', error: failure };
      this.touch(id);
      return { kind: 'failed', action: 'edit', error: failure };
    } finally {
      this.requests.delete(request);
    }
  }

  /** Asks "Delete this comment?" inside the comment, and moves focus to the question. */
  async askDelete(id: string): Promise<void> {
    if (this.confirming === id) return this.keep();
    const previous = this.confirming;
    this.confirming = id;
    if (previous) this.touch(previous);
    this.touch(id);
    await this.host.updateComplete;
    this.byId(`${domId(id)}-confirm`)?.focus();
  }

  /** Keeps the comment: the question goes, focus returns to Delete. */
  async keep(): Promise<void> {
    const id = this.confirming;
    if (id === null) return;
    this.confirming = null;
    this.touch(id);
    await this.host.updateComplete;
    this.focusAction(id, 'delete');
  }

  /**
   * Deletes the comment asked about, unless `veto` (the cancelable `comment-delete`) says no. One with
   * replies stays as "Comment deleted", so they keep their place, except where the backend deletes the
   * replies with it (`capabilities.delete.withReplies`, Waline).
   */
  async confirmDelete(veto: Dispatch = () => true): Promise<InteractionOutcome> {
    const id = this.confirming;
    const { adapter, postId, capabilities } = this.context();
    const node = id === null ? undefined : this.context().node(id);
    if (id === null || !node || !adapter?.remove || this.inFlight.has(id)) return { kind: 'ignored' };
    if (!veto(new CommentDeleteEvent({ id }))) {
      await this.keep();
      return { kind: 'ignored' };
    }
    this.inFlight.add(id);
    const request = this.request();
    try {
      await adapter.remove(id, { postId, signal: request.signal });
      this.confirming = null;
      // Where focus goes when the comment leaves: the next comment at its level that stays, else the one
      // before, else the comment it answered, else the comment field (the thread's heading is not focusable).
      const item = this.byId(domId(id))?.closest('li');
      const parent = node.comment.parentId;
      const change = removeComment(this.context().held(), id, capabilities.delete?.withReplies === true);
      if (change) this.context().apply(change);
      const kept = change?.kept ?? false;
      const removed = change?.gone ?? [id];
      const staying = (li: Element | null | undefined) => {
        const article = li?.querySelector<HTMLElement>(':scope > article');
        return article && !removed.includes(article.dataset.commentId ?? '') ? article : undefined;
      };
      let sibling: HTMLElement | undefined;
      for (let next = item?.nextElementSibling; next && !sibling; next = next.nextElementSibling) sibling = staying(next);
      for (let prev = item?.previousElementSibling; prev && !sibling; prev = prev.previousElementSibling) sibling = staying(prev);
      this.touch(id);
      await this.host.updateComplete;
      const landing = kept
        ? this.byId(domId(id))
        : (sibling ?? (parent !== null && !removed.includes(parent) ? this.byId(domId(parent)) : this.byId('top-content')));
      landing?.focus();
      return { kind: 'done', event: new CommentDeletedEvent({ id, kept, removed: [...removed] }), said: 'commentDeleted' };
    } catch (error) {
      return { kind: 'failed', action: 'delete', error: CommentThreadError.from(error) };
    } finally {
      this.inFlight.delete(id);
      this.requests.delete(request);
    }
  }

  /** Closes a form's preview (before it is submitted, so a field to correct can take focus). */
  closePreview(key: string): void {
    this.previews.close(key);
  }

  private touchKey(key: string) {
    if (key.startsWith('edit:')) this.touch(key.slice(5));
    else this.context().touchForm(key);
    this.host.requestUpdate();
  }

  private change(id: string, values: Partial<Comment>) {
    this.overrides.set(id, { ...this.overrides.get(id), ...values });
    this.touch(id);
  }

  /** Re-renders the subtree holding `id`. */
  private touch(id: string) {
    const root = this.context().rootOf(id) ?? id;
    this.versions.set(root, (this.versions.get(root) ?? 0) + 1);
    this.host.requestUpdate();
  }

  private current(c: Comment): Comment {
    const o = this.overrides.get(c.id);
    return o ? { ...c, ...o } : c;
  }

  private isLiked(c: Comment): boolean {
    return (this.overrides.get(c.id)?.liked ?? c.liked ?? this.likedHere().has(c.id)) === true;
  }

  private likedHere(): Set<string> {
    const scope = this.context().scope;
    if (this.liked?.scope !== scope) this.liked = { scope, ids: likedIds(scope) };
    return this.liked.ids;
  }

  private request(): AbortController {
    const request = new AbortController();
    this.requests.add(request);
    return request;
  }

  private focusAction(id: string, action: string) {
    this.byId(domId(id))?.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus();
  }

  private byId(id: string): HTMLElement | null {
    return (this.host.renderRoot as ShadowRoot).getElementById?.(id) ?? null;
  }
}
