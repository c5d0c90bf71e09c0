/** What the forms controller and its lazily loaded submit path (`send.ts`) share. */
import type { CommentAdapter } from '../../adapters/types.js';
import type { Capabilities } from '../../model/capabilities.js';
import type { CommentThreadError } from '../../model/errors.js';
import type { Comment } from '../../model/schemas.js';

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
