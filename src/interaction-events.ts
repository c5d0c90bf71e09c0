/**
 * The events of likes, edits and deletes: one class each, bubbling and composed, with a typed `detail`.
 * Apart from events.ts so that they load with the interactions they report (a WordPress thread without
 * likes loads none of them); the element dispatches them all the same. Their HTMLElementEventMap entries
 * are in events.ts, with the others'.
 */
import type { Draft } from './model/draft.js';
import type { Comment } from './model/schemas.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/** The backend counted a like given (`liked: true`) or taken back: `count` is its new number of likes. */
export class CommentLikeEvent extends Event {
  static readonly type = 'comment-like';
  constructor(readonly detail: { readonly id: string; readonly liked: boolean; readonly count: number }) {
    super(CommentLikeEvent.type, init());
  }
}

/** The visitor saved an edit of their own comment. Cancelable: `preventDefault()` sends nothing and keeps the form open. */
export class CommentUpdateEvent extends Event {
  static readonly type = 'comment-update';
  constructor(readonly detail: { readonly id: string; readonly draft: Draft }) {
    super(CommentUpdateEvent.type, init(true));
  }
}

/** The backend stored an edit: `comment` as it now reads. */
export class CommentUpdatedEvent extends Event {
  static readonly type = 'comment-updated';
  constructor(readonly detail: { readonly comment: Comment }) {
    super(CommentUpdatedEvent.type, init());
  }
}

/** The visitor confirmed deleting their own comment. Cancelable: `preventDefault()` keeps it and sends nothing. */
export class CommentDeleteEvent extends Event {
  static readonly type = 'comment-delete';
  constructor(readonly detail: { readonly id: string }) {
    super(CommentDeleteEvent.type, init(true));
  }
}

/**
 * The backend deleted a comment. `kept`: it stays as "Comment deleted" because it has replies;
 * `removed`: the ids that left the thread (the comment, and its replies where the backend deletes them too).
 */
export class CommentDeletedEvent extends Event {
  static readonly type = 'comment-deleted';
  constructor(readonly detail: { readonly id: string; readonly kept: boolean; readonly removed: readonly string[] }) {
    super(CommentDeletedEvent.type, init());
  }
}
