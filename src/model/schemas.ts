/**
 * The normalized model every adapter maps its backend's shape to. Each type is a zod schema first and
 * the TypeScript type is inferred from it, so what the element renders is exactly what was validated.
 */
import * as z from 'zod/mini';

/*
 * zod's classes live in one module, and a bundler keeps every class any chunk uses in the chunk that
 * holds that module: the element's, which every page loads. So a lazy adapter that used `z.enum`,
 * `z.union`, `z.int`, `z.record`, `z.unknown` or `z.extend` made every page download that class. The
 * helpers below say the same with the types the model already loads (`z.custom`, `z.refine`, objects).
 */

/** One of `values`, rather than `z.enum` or a union of `z.literal`s. */
export const oneOf = <const T extends readonly string[]>(...values: T) =>
  z.custom<T[number]>((value) => values.includes(value), `expected one of ${values.join(', ')}`);

/** Who wrote a comment. `url` and `avatarUrl` are untrusted: the templates allow only safe schemes. */
export const AuthorSchema = z.object({
  name: z.string(),
  url: z.optional(z.string()),
  avatarUrl: z.optional(z.string()),
  isPostAuthor: z.optional(z.boolean()),
});
export type Author = z.infer<typeof AuthorSchema>;

/** A comment's body: `html` is sanitized before it reaches the DOM, `text` is escaped and split in paragraphs. */
export const BodySchema = z.object({
  format: oneOf('html', 'text'),
  value: z.string(),
});
export type Body = z.infer<typeof BodySchema>;

/** An ISO 8601 date-time that `Date` can read; adapters convert their backend's dates to it. */
export const IsoDateSchema = z.string().check(
  z.refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date'),
);

export const CommentSchema = z.object({
  id: z.string().check(z.refine((value) => value !== '', 'expected an id')),
  parentId: z.nullable(z.string()),
  author: AuthorSchema,
  createdAt: IsoDateSchema,
  body: BodySchema,
  status: oneOf('approved', 'pending'),
  /**
   * Where a merged thread's comment came from (adapters/sources.ts): `service` names it ("mastodon"),
   * `site` marks the site's own backend (no badge), `replyUrl` is where replies to it go instead of the form.
   */
  origin: z.optional(
    z.object({ service: z.string(), site: z.optional(z.boolean()), replyUrl: z.optional(z.string()) }),
  ),
  permalink: z.optional(z.string()),
  /** Likes or upvotes, where the backend counts them. */
  likes: z.optional(z.number()),
  /** The visitor liked it, where the backend knows who the visitor is. */
  liked: z.optional(z.boolean()),
  /** Where to like it on its own service, for likes counted read-only (Mastodon, Bluesky). */
  likeUrl: z.optional(z.string()),
  /** The visitor wrote it and the backend would let them change it (a token held, a session, a cookie). */
  own: z.optional(z.boolean()),
  /** Removed, and kept as "Comment deleted" so its replies keep their place. */
  deleted: z.optional(z.boolean()),
  /** What the author typed (Markdown, say) when `body` is its rendering: the edit form starts from it. */
  source: z.optional(z.string()),
});
export type Comment = z.infer<typeof CommentSchema>;

/** One page of a post's comments. `cursor` is the next page's token; `null` or absent: no more. */
export const PageSchema = z.object({
  comments: z.array(CommentSchema),
  total: z.optional(z.number()),
  cursor: z.optional(z.nullable(z.string())),
});
export type Page = z.infer<typeof PageSchema>;

/**
 * Pages whose every comment an adapter has already parsed with `CommentSchema`: the element checks the
 * comments of any other page itself, and parsing thousands of comments twice is wasted main-thread time.
 */
export const checkedPages = new WeakSet<Page>();

/** An object whose every value matches `value`, rather than `z.record`. */
export const recordOf = <T>(value: z.ZodMiniType<T>) =>
  z.custom<Record<string, T>>(
    (data) =>
      typeof data === 'object' &&
      data !== null &&
      !Array.isArray(data) &&
      Object.values(data).every((item) => value.safeParse(item).success),
  );

/** A number not below zero, rather than `z.nonnegative()`, whose check class would join the first load. */
export const notNegative = () => z.number().check(z.refine((value) => value >= 0, 'expected a number not below zero'));

/** A whole number not below zero (a count, an id), rather than `z.int()`. */
export const count = () =>
  z.number().check(z.refine((value) => Number.isSafeInteger(value) && value >= 0, 'expected a whole number'));

/** A value of `a` or of `b`, as it was (neither transforms), rather than `z.union`. */
export const either = <A, B>(a: z.ZodMiniType<A>, b: z.ZodMiniType<B>) =>
  z.custom<A | B>((value) => a.safeParse(value).success || b.safeParse(value).success);

/** Anything: an answer that is not read, rather than `z.unknown()`. */
export const anything = () => z.custom<unknown>();

/**
 * An array whose items are not read here: a page's comments, each checked later (model/page.ts, in
 * slices). `z.array(z.unknown())` visits every item in one go, a long task on a page of 10,000.
 */
export const uncheckedArray = () => z.custom<unknown[]>(Array.isArray, 'expected an array');

/** What a visitor submits: its schema loads with the submit path (draft.ts); the type is here too. */
export type { Draft } from './draft.js';
