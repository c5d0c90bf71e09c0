/** The element's events: one class each, all bubbling and composed, with a typed `detail`. */
import type { CommentThreadError } from './model/errors.js';
import type { Draft } from './model/draft.js';
import type { Comment } from './model/schemas.js';

const init = (cancelable = false): EventInit => ({ bubbles: true, composed: true, cancelable });

/** A visitor submitted a valid form. Cancelable: `preventDefault()` keeps the draft and sends nothing. */
export class CommentSubmitEvent extends Event {
  static readonly type = 'comment-submit';
  constructor(readonly detail: { readonly draft: Draft }) {
    super(CommentSubmitEvent.type, init(true));
  }
}

/** The backend accepted a comment (`comment.status` says whether it awaits moderation). */
export class CommentSubmittedEvent extends Event {
  static readonly type = 'comment-submitted';
  constructor(readonly detail: { readonly comment: Comment }) {
    super(CommentSubmittedEvent.type, init());
  }
}

/** What was being done when a `comment-error` happened. */
export type CommentErrorPhase = 'load' | 'submit' | 'like' | 'update' | 'delete';

/** Loading, posting, liking, editing or deleting failed; the element shows or announces the error too. */
export class CommentErrorEvent extends Event {
  static readonly type = 'comment-error';
  constructor(readonly detail: { readonly error: CommentThreadError; readonly phase: CommentErrorPhase }) {
    super(CommentErrorEvent.type, init());
  }
}

/** Comments arrived: `count` shown so far, `total` as the backend reports it. */
export class CommentLoadEvent extends Event {
  static readonly type = 'comment-load';
  constructor(readonly detail: { readonly count: number; readonly total: number | undefined }) {
    super(CommentLoadEvent.type, init());
  }
}

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

declare global {
  interface HTMLElementEventMap {
    'comment-submit': CommentSubmitEvent;
    'comment-submitted': CommentSubmittedEvent;
    'comment-error': CommentErrorEvent;
    'comment-load': CommentLoadEvent;
    'comment-like': CommentLikeEvent;
    'comment-update': CommentUpdateEvent;
    'comment-updated': CommentUpdatedEvent;
    'comment-delete': CommentDeleteEvent;
    'comment-deleted': CommentDeletedEvent;
  }
}
