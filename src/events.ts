/**
 * The element's events: one class each, all bubbling and composed, with a typed `detail`. Those of likes,
 * edits and deletes are in interaction-events.ts, loaded with the interactions they report.
 */
import type { CommentThreadError } from './model/errors.js';
import type { Draft } from './model/draft.js';
import type { Comment } from './model/schemas.js';
import type { CommentDeletedEvent, CommentDeleteEvent, CommentLikeEvent, CommentUpdatedEvent, CommentUpdateEvent } from './interaction-events.js';

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

/** Loading, posting, liking, editing or deleting failed; the element shows or announces the error too. */
export class CommentErrorEvent extends Event {
  static readonly type = 'comment-error';
  // The phases spelled out here rather than through an alias: custom-elements.json copies this text.
  constructor(readonly detail: { readonly error: CommentThreadError; readonly phase: 'load' | 'submit' | 'like' | 'update' | 'delete' }) {
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

/** What was being done when a `comment-error` happened. */
export type CommentErrorPhase = CommentErrorEvent['detail']['phase'];

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
