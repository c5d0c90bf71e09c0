/**
 * Where the WordPress REST API is and what it sends (wp/v2/comments, wp/v2/posts), validated, and how it
 * maps to the model. Shared by the listing module and the posting module, which loads only when a reader
 * posts.
 */
import * as z from 'zod/mini';
import { anything, recordOf, type Comment } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { absoluteUrl, httpError, resolveUrl, retryAfterSeconds } from './http.js';
import { decodeEntities } from './entities.js';

/** How the REST API is addressed: `…/wp-json/ROUTE` or `…/?rest_route=/ROUTE`. */
export interface Root {
  base: URL;
  query: boolean;
}

/** `https://site/`, `https://site/blog/`: the REST roots to try, most likely first (relative to `baseUrl`). */
export function roots(endpoint: string, baseUrl?: string): Root[] {
  const url = absoluteUrl(endpoint, baseUrl);
  url.hash = '';
  if (url.searchParams.has('rest_route')) {
    url.searchParams.delete('rest_route');
    return [{ base: url, query: true }];
  }
  if (/\/wp-json\/?$/.test(url.pathname)) return [{ base: resolveUrl(url.href), query: false }];
  url.search = '';
  const site = resolveUrl(url.href);
  return [
    { base: new URL('wp-json/', site), query: false },
    { base: site, query: true },
  ];
}

export function routeUrl(root: Root, path: string, params: Record<string, string>): URL {
  const url = new URL(root.query ? root.base.href : new URL(path, root.base).href);
  if (root.query) url.searchParams.set('rest_route', `/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url;
}

/** `42`, `the-post-slug`, `https://site/2012/01/the-post-slug/`, `https://site/?p=42`. */
export function postRef(value: string, baseUrl?: string): { id: number } | { slug: string } {
  const trimmed = value.trim();
  if (!trimmed) {
    // An empty slug would make WordPress list every post, and the first one's comments would show.
    throw new CommentThreadError('rejected', 'No post given: set post-id to its number, slug or URL.', {
      reason: 'invalid-post',
    });
  }
  if (/^\d+$/.test(trimmed)) return { id: Number(trimmed) };
  if (/^(https?:)?\/\//i.test(trimmed) || trimmed.startsWith('/')) {
    const url = absoluteUrl(trimmed, baseUrl);
    const id = url.searchParams.get('p') ?? url.searchParams.get('page_id');
    if (id && /^\d+$/.test(id)) return { id: Number(id) };
    const segments = url.pathname.split('/').filter(Boolean);
    const slug = segments[segments.length - 1];
    if (slug) return { slug: decodeURIComponent(slug) };
  }
  return { slug: trimmed };
}

/** The fields the adapter reads, and so the only ones it asks for (`_fields=`): a 100-comment page shrinks
 * to about a third of WordPress's full answer, which also carries `_links`, `meta` and both dates. */
export const COMMENT_FIELDS = 'id,parent,author,author_name,author_url,date_gmt,content,link,status,author_avatar_urls';

export const WpComment = z.object({
  id: z.number(),
  parent: z.number(),
  author: z.optional(z.number()),
  author_name: z.string(),
  author_url: z.optional(z.string()),
  date_gmt: z.string(),
  content: z.object({ rendered: z.string() }),
  link: z.optional(z.string()),
  status: z.optional(z.string()),
  // Absent when the site turned "Show avatars" off; keyed by size in pixels (24, 48, 96 by default).
  author_avatar_urls: z.optional(recordOf(z.string())),
});
export type WpComment = z.infer<typeof WpComment>;

export const WpCommentList = z.array(WpComment);

/** WordPress's error body (`WP_Error` through the REST server, or `wp_die()` answering JSON). */
export const WpError = z.object({
  code: z.string(),
  message: z.string(),
  data: z.optional(z.nullable(z.object({ status: z.optional(z.number()), params: z.optional(anything()) }))),
});
export type WpError = z.infer<typeof WpError>;

export const POST_FIELDS = 'id,author,comment_status';
export const WpPost = z.object({
  id: z.number(),
  author: z.optional(z.number()),
  comment_status: z.optional(z.string()),
});
export type WpPost = z.infer<typeof WpPost>;

export interface MapOptions {
  /** The post's author (a user id), for the post-author badge. */
  postAuthor?: number | undefined;
  /** The size, in device pixels, the avatar is shown at. */
  avatarPixels: number;
  /** The signed-in visitor's user id, when WordPress lets them edit comments here: their comments are `own`. */
  own?: number | undefined;
}

/** The smallest avatar at least `pixels` wide (no blurry upscaling), else the largest there is. */
export function pickAvatar(urls: Record<string, string> | undefined, pixels: number): string | undefined {
  if (!urls) return undefined;
  const sizes = Object.keys(urls)
    .map(Number)
    .filter((size) => Number.isFinite(size) && urls[String(size)])
    .sort((a, b) => a - b);
  const best = sizes.find((size) => size >= pixels) ?? sizes[sizes.length - 1];
  return best === undefined ? undefined : urls[String(best)];
}

/** WordPress writes GMT dates without a zone (`2013-04-15T17:10:00`); a few plugins add one. */
export const gmtToIso = (date: string): string => (/(Z|[+-]\d\d:?\d\d)$/i.test(date) ? date : `${date}Z`);

export function mapComment(raw: WpComment, options: MapOptions): Comment {
  const isPostAuthor = !!raw.author && raw.author === options.postAuthor;
  const avatarUrl = pickAvatar(raw.author_avatar_urls, options.avatarPixels);
  return {
    id: String(raw.id),
    parentId: raw.parent ? String(raw.parent) : null,
    author: {
      // The REST API escapes the name for HTML (`Eve &amp; Mallet`); the element renders text.
      name: decodeEntities(raw.author_name).trim(),
      ...(raw.author_url ? { url: raw.author_url } : {}),
      ...(avatarUrl ? { avatarUrl } : {}),
      ...(isPostAuthor ? { isPostAuthor } : {}),
    },
    createdAt: gmtToIso(raw.date_gmt),
    body: { format: 'html', value: raw.content.rendered },
    // Readers are only ever served approved comments; a new one comes back `hold` (or `spam`, which its
    // author should not be told about differently): both wait for a moderator.
    status: raw.status === undefined || raw.status === 'approved' ? 'approved' : 'pending',
    ...(raw.link ? { permalink: raw.link } : {}),
    ...(options.own !== undefined && raw.author === options.own ? { own: true } : {}),
  };
}

/** WordPress's error codes (REST and comment handler), as the normalized reasons of CommentThreadError. */
const REASONS: Record<string, string> = {
  rest_comment_login_required: 'login-required',
  rest_cookie_invalid_nonce: 'login-required',
  comment_duplicate: 'duplicate',
  comment_flood: 'flood',
  rest_comment_invalid_post_id: 'invalid-post',
  rest_comment_draft_post: 'invalid-post',
  rest_comment_trash_post: 'invalid-post',
  rest_cannot_read_post: 'invalid-post',
  rest_post_invalid_id: 'invalid-post',
  rest_comment_closed: 'closed',
  rest_comment_author_data_required: 'author-required',
  rest_comment_content_invalid: 'content-invalid',
  rest_invalid_param: 'invalid-param',
  rest_missing_callback_param: 'invalid-param',
  comment_author_column_length: 'too-long',
  comment_author_email_column_length: 'too-long',
  comment_author_url_column_length: 'too-long',
  comment_content_column_length: 'too-long',
};

/** A WordPress error answer as a CommentThreadError: a normalized reason, the server's own words for the
 * visitor (entities decoded) on a refusal, `rejected` for refusals and `http` for server failures. */
export function wpFailure(body: unknown, response: Response, url: string): CommentThreadError {
  const parsed = z.safeParse(WpError, body);
  if (!parsed.success) return httpError(response, url);
  const { code, message, data } = parsed.data;
  // rest_invalid_param says only "Invalid parameter(s): author_email"; data.params says what is wrong.
  const params = data?.params && typeof data.params === 'object' ? Object.values(data.params) : [];
  const detail = params.filter((value): value is string => typeof value === 'string').join(' ');
  const said = decodeEntities(detail || message).trim();
  const refused = response.status < 500;
  return new CommentThreadError(
    refused ? 'rejected' : 'http',
    `WordPress answered ${response.status} ${code} from ${url}${said ? `: ${said}` : ''}`,
    {
      status: response.status,
      reason: REASONS[code] ?? code,
      url,
      retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
      ...(refused && said ? { serverMessage: said } : {}),
    },
  );
}

/** What the posting modules need from the adapter that loaded them. */
export interface WordPressContext {
  /** A REST route's URL, finding the REST root first if nothing was listed yet. */
  route(path: string, params: Record<string, string>, signal: AbortSignal): Promise<string>;
  /** The post's number, whatever form `post-id` took. */
  postNumber(postId: string, signal: AbortSignal): Promise<number>;
  mapOptions(postNumber: number): MapOptions;
  /** Where wp-comments-post.php and wp-admin/ live, as far as `endpoint` tells. */
  readonly site: URL;
  /** The WordPress address from the REST index, for a WordPress in its own directory. */
  wordpressAddress(signal: AbortSignal): Promise<URL | undefined>;
  /** The page runs on the site's own origin: the comment form handler and cookies are usable. */
  readonly sameOrigin: boolean;
  /** A nonce that authenticated a logged-in visitor, and who that is. */
  readonly nonce: string | undefined;
  readonly identity: { name: string } | undefined;
  /** Set once the REST API refused an anonymous comment: post through the form handler from then on. */
  classic: boolean;
  readonly fetch: typeof fetch | undefined;
}
