/**
 * comment-thread: classes, types, adapters' contract and helpers. No side effects: import
 * `comment-thread/define` (or call `CommentThread.define()`) to register the element.
 */
export { CommentThread } from './components/comment-thread/comment-thread.js';
export { CommentCount } from './components/comment-count/comment-count.js';
export { CommentErrorEvent, CommentLoadEvent, CommentSubmitEvent, CommentSubmittedEvent, type CommentErrorPhase } from './events.js';
export { CommentDeletedEvent, CommentDeleteEvent, CommentLikeEvent, CommentUpdatedEvent, CommentUpdateEvent } from './interaction-events.js';
export { CommentThreadError, type CommentThreadErrorCode, type CommentThreadErrorInit } from './model/errors.js';
export type {
  BackendFactory,
  BackendOptions,
  Capabilities,
  CommentAdapter,
  CountOptions,
  Counts,
  FieldRule,
  ListQuery,
  ReplyService,
  SubmitOptions,
} from './adapters/types.js';
export { readWrite } from './adapters/types.js';
export { registerBackend, type BackendLoader } from './adapters/registry.js';
// For adapter writers: HTTP with time limits and retries, JSON reading, validation into CommentThreadError.
export { parse, readJson, request, type RequestOptions } from './adapters/http.js';
export {
  AuthorSchema,
  BodySchema,
  CommentSchema,
  PageSchema,
  type Author,
  type Body,
  type Comment,
  type Page,
} from './model/schemas.js';
export { DraftSchema, type Draft } from './model/draft.js';
export { buildThread, insertIntoThread, type ThreadNode, type ThreadOptions } from './model/thread.js';
export { registerLocale, type Messages } from './i18n/index.js';
export { sanitize, isSafeLink, isHttpUrl, isSafeImage } from './sanitize.js';
