/** What the permalink controller and its search chunk share with the element. */
import type { Comment } from '../../model/schemas.js';

/** What following a link came to: the comment shown, or not in the thread. */
export type LinkOutcome = { kind: 'found'; comment: Comment } | { kind: 'missing'; id: string };

/** What the controller needs from its element. */
export interface PermalinkContext {
  /** The thread has loaded its first page. */
  ready: boolean;
  /** The next page (or the next loaded batch); the element reports what arrived. */
  loadMore(): Promise<void>;
  /** A comment is linked while the element waits to be scrolled near: load now. */
  wake(): void;
  report(outcome: LinkOutcome): void;
}
