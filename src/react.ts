/**
 * `<CommentThread>` for React, made with @lit/react: props are set as the element's properties
 * (`postId`, `adapter`, `messages` …) and its events are React props: `onCommentSubmit`,
 * `onCommentSubmitted`, `onCommentError`, `onCommentLoad`, `onCommentLike`, `onCommentUpdate`,
 * `onCommentUpdated`, `onCommentDelete`, `onCommentDeleted`, each typed with its event class. Importing
 * this module registers `<comment-thread>`. React 19 can also render `<comment-thread>` itself: see
 * docs/frameworks.md.
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { CommentThread as CommentThreadElement } from './define.js';
import type { CommentErrorEvent, CommentLoadEvent, CommentSubmitEvent, CommentSubmittedEvent } from './events.js';
import type { CommentDeletedEvent, CommentDeleteEvent, CommentLikeEvent, CommentUpdatedEvent, CommentUpdateEvent } from './interaction-events.js';

export const CommentThread = createComponent({
  react: React,
  tagName: 'comment-thread',
  elementClass: CommentThreadElement,
  displayName: 'CommentThread',
  events: {
    onCommentSubmit: 'comment-submit' as EventName<CommentSubmitEvent>,
    onCommentSubmitted: 'comment-submitted' as EventName<CommentSubmittedEvent>,
    onCommentError: 'comment-error' as EventName<CommentErrorEvent>,
    onCommentLoad: 'comment-load' as EventName<CommentLoadEvent>,
    onCommentLike: 'comment-like' as EventName<CommentLikeEvent>,
    onCommentUpdate: 'comment-update' as EventName<CommentUpdateEvent>,
    onCommentUpdated: 'comment-updated' as EventName<CommentUpdatedEvent>,
    onCommentDelete: 'comment-delete' as EventName<CommentDeleteEvent>,
    onCommentDeleted: 'comment-deleted' as EventName<CommentDeletedEvent>,
  },
});

/** The props `<CommentThread>` takes. */
export type CommentThreadProps = React.ComponentProps<typeof CommentThread>;
