/** What the element may offer with a backend: which forms, fields and per-comment actions it shows. */
export type FieldRule = 'required' | 'optional' | 'hidden';

/** The services a read-only source sends readers to; another adapter may name its own. */
export type ReplyService = 'mastodon' | 'bluesky' | 'github' | (string & {});

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
  /** Read-only sources: where readers can reply instead; the element words the link for `service`
   * from its catalog ("Reply on Mastodon"). */
  replyLink?: { url: string; service: ReplyService };
  /** The visitor is signed in with the backend: the form says "Logged in as NAME" and asks no name or email. */
  identity?: { name: string };
  /** Readers can like comments: the adapter has `like` and `unlike`. */
  likes?: boolean;
  /** Likes are counted by the service and given there: each comment's count links to its `likeUrl`. */
  likesReadOnly?: { service: ReplyService };
  /** Authors may edit their own comments (`own` on the comment), for `editableFor` seconds after posting or while signed in. */
  edit?: OwnWindow;
  /** Authors may delete their own comments, in the same kind of window. */
  delete?: OwnWindow;
  /** What the comment field takes: `markdown` gets a preview, `html` a hint of the tags kept; `text` when absent. */
  bodyFormat?: BodyFormat;
  /** The backend can email a commenter about replies: the form offers the choice where it asks for an email. */
  notify?: boolean;
}

/** How long an author may change their own comment: seconds after posting, or for as long as they are signed in. */
export interface OwnWindow {
  editableFor: number | 'signed-in';
  /** Deleting a comment deletes its replies too (Waline): they leave the thread with it, no "Comment deleted" stays. */
  withReplies?: boolean;
}

export type BodyFormat = 'text' | 'markdown' | 'html';

/** Whether the window to change `comment` (posted at `createdAt`) is open at `now`. */
export const windowOpen = (window: OwnWindow | undefined, createdAt: string, now: number): boolean =>
  window !== undefined &&
  (window.editableFor === 'signed-in' || Date.parse(createdAt) + window.editableFor * 1000 > now);

/** What a blog's comment backend usually allows: posting and replying, name and email required, a website
 * field; `overrides` (an adapter's options, a server's settings) win. */
export const readWrite = (overrides: Partial<Capabilities> = {}): Capabilities => ({
  post: true,
  reply: true,
  fields: { name: 'required', email: 'required', url: true },
  ...overrides,
});
