import type { Comment, Draft, Page } from '../model/schemas.js';

export type FieldRule = 'required' | 'optional' | 'hidden';

/** What the element may offer with an adapter. It can change after `list()` (a logged-in visitor, say):
 * the element reads it again after every load. */
export interface Capabilities {
  /** New top-level comments can be posted. */
  post: boolean;
  /** Replies can be posted. */
  reply: boolean;
  fields: {
    /** The name field; `required` when absent. */
    name?: FieldRule;
    email: FieldRule;
    /** Whether a website field is offered. */
    url: boolean;
  };
  /** Deepest level the backend keeps; the element caps its `depth` there. */
  maxDepth?: number;
  /** The post takes no more comments (the element says "Comments are closed."). */
  closed?: boolean;
  /** Read-only sources: where readers can reply instead ("Reply on Mastodon"). */
  replyLink?: { url: string; label: string };
  /** The visitor is signed in with the backend: the form says "Logged in as NAME" and asks no name or email. */
  identity?: { name: string };
}

export interface ListQuery {
  postId: string;
  /** The previous page's `cursor`, absent for the first page. */
  cursor?: string;
  order: 'oldest' | 'newest';
  signal: AbortSignal;
}

export interface SubmitOptions {
  signal: AbortSignal;
}

/**
 * A backend, seen by the element. Adapters are plain modules: they fetch, validate the backend's own
 * shape with zod, map it to the model and throw only `CommentThreadError`.
 */
export interface CommentAdapter {
  readonly capabilities: Capabilities;
  /** A stable name for this backend and site, used to keep pending comments and drafts apart in storage. */
  readonly key?: string;
  list(query: ListQuery): Promise<Page>;
  submit?(draft: Draft, options: SubmitOptions): Promise<Comment>;
}

/** What the `backend` attribute and its neighbours give a registered backend's factory. */
export interface BackendOptions {
  endpoint?: string;
  postId: string;
  depth: number;
  /** A nonce the site passes through the `nonce` attribute (WordPress's `wp_rest`). */
  nonce?: string;
  /** The element, for backend-specific settings in `data-*` attributes (`data-moderation` for memory). */
  element?: HTMLElement;
}

export type BackendFactory = (options: BackendOptions) => CommentAdapter;

/** What a blog's comment backend usually allows: posting and replying, name and email required, a website
 * field; `overrides` (an adapter's options, a server's settings) win. */
export const readWrite = (overrides: Partial<Capabilities> = {}): Capabilities => ({
  post: true,
  reply: true,
  fields: { name: 'required', email: 'required', url: true },
  ...overrides,
});
