import type { Capabilities } from '../model/capabilities.js';
import type { Comment, Draft, Page } from '../model/schemas.js';

export {
  readWrite,
  type BodyFormat,
  type Capabilities,
  type FieldRule,
  type OwnWindow,
  type ReplyService,
} from '../model/capabilities.js';

export interface ListQuery {
  postId: string;
  /** The previous page's `cursor`, absent for the first page. */
  cursor?: string;
  order: 'oldest' | 'newest';
  signal: AbortSignal;
}

/** What `attach()` is told: the post whose first page the document held. */
export type AttachQuery = Omit<ListQuery, 'cursor'>;

export interface SubmitOptions {
  signal: AbortSignal;
  /**
   * One key per draft, the same when the visitor retries the same draft: a backend that honours it
   * (the REST protocol's `Idempotency-Key` header) stores one comment however often the request arrives.
   */
  idempotencyKey?: string;
}

export interface CountOptions {
  signal: AbortSignal;
}

/** What acting on one comment (like, edit, delete) needs besides its id. */
export interface ActionOptions {
  /** The post the comment belongs to, for backends whose addresses name it. */
  postId: string;
  signal: AbortSignal;
}

/** Comments on each post asked for, by post id as given; a post the backend does not know is 0 or absent. */
export type Counts = Record<string, number>;

export interface ReactionsQuery {
  postId: string;
  signal: AbortSignal;
}

/** Someone who liked or reposted the post. `url` and `avatarUrl` are untrusted: the row shows only https. */
export interface Reactor {
  name: string;
  url?: string;
  avatarUrl?: string;
  kind: 'like' | 'repost';
}

/** Likes and reposts of the post itself (not of a comment): the numbers, and some of the people. */
export interface Reactions {
  likes: number;
  reposts: number;
  people: Reactor[];
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
  /**
   * Called instead of the first `list()` when the document already held the first page (server-rendered
   * comments): the adapter learns what that request would have told it (who is signed in), so its
   * `capabilities` are right; the element reads them again once this resolves. It should not reject.
   */
  attach?(query: AttachQuery): Promise<void>;
  submit?(draft: Draft, options: SubmitOptions): Promise<Comment>;
  /**
   * Comment counts of several posts at once, in as few requests as the backend allows (`<comment-count>`
   * batches the elements of a page into one call). Without it, counts come from `list()`, a request per post.
   */
  count?(postIds: readonly string[], options: CountOptions): Promise<Counts>;
  /** Likes and reposts of the post on the source's service, fetched after the comments (the row under the thread). */
  reactions?(query: ReactionsQuery): Promise<Reactions>;
  /** Likes a comment (`capabilities.likes`); resolves to its new count. */
  like?(id: string, options: ActionOptions): Promise<number>;
  /** Takes the visitor's like back; resolves to the new count. */
  unlike?(id: string, options: ActionOptions): Promise<number>;
  /** Replaces the text of the visitor's own comment (`capabilities.edit`); resolves to the comment as stored. */
  update?(id: string, draft: Draft, options: ActionOptions): Promise<Comment>;
  /** Deletes the visitor's own comment (`capabilities.delete`). */
  remove?(id: string, options: ActionOptions): Promise<void>;
}

/**
 * What the `backend` attribute and its neighbours give a registered backend's factory. Plain data: an
 * adapter never reads the page, so what it needs from it comes here.
 */
export interface BackendOptions {
  endpoint?: string;
  postId: string;
  depth: number;
  /** A nonce the site passes through the `wp-nonce` attribute (WordPress's `wp_rest`). */
  nonce?: string;
  /** The element's `data-*` attributes, camelCased as `dataset` has them (`data-moderation` → `moderation`). */
  settings?: Readonly<Record<string, string>>;
  /** The page's URL, against which relative endpoints resolve (`document.baseURI`). */
  baseUrl?: string;
  /** The page's title, for backends that store one with a thread (Isso, Artalk). */
  pageTitle?: string;
  /** Device pixels per CSS pixel, for avatar sizes that stay sharp. */
  pixelRatio?: number;
  /** The page says a visitor is signed in to the site (WordPress's `logged-in` body class). */
  signedIn?: boolean;
}

export type BackendFactory = (options: BackendOptions) => CommentAdapter;
