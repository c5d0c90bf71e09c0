/**
 * Posting a comment to WordPress, and editing or trashing one's own, loaded only when a reader does. Posting: REST first (`POST wp/v2/comments`);
 * when the site refuses anonymous REST comments (WordPress's default: 401 rest_comment_login_required)
 * and the page is on the site's own origin, through WordPress's own comment form handler instead
 * (./wordpress-classic.js), the way the theme's comment form posts.
 */
import * as z from 'zod/mini';
import type { Draft } from '../model/draft.js';
import type { Comment } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { parse, readJson, request } from './http.js';
import { postClassic } from './wordpress-classic.js';
import { COMMENT_FIELDS, mapComment, WpComment, wpFailure, type WordPressContext } from './wordpress-shape.js';

/** A comment as WordPress answers a change: in the `edit` context, with the text as typed. */
const WpEdited = z.object({ ...WpComment.shape, post: z.number(), content: z.object({ rendered: z.string(), raw: z.optional(z.string()) }) });

/** The filter a site owner adds to accept comments from other origins, quoted in the message. */
const FILTER = "add_filter( 'rest_allow_anonymous_comments', '__return_true' );";

export async function submitComment(context: WordPressContext, draft: Draft, signal: AbortSignal): Promise<Comment> {
  const post = await context.postNumber(draft.postId, signal);
  // An anonymous visitor on the site's own pages, once REST said no: straight to the form handler.
  if (context.classic && !context.nonce) return postClassic(context, draft, post, signal);
  try {
    return await postRest(context, draft, post, signal);
  } catch (error) {
    const failure = CommentThreadError.from(error);
    if (failure.reason !== 'login-required' || !context.sameOrigin) {
      if (failure.reason === 'login-required' && failure.status === 401) throw crossOrigin(failure);
      throw failure;
    }
    // The form handler needs no plugin and no nonce: it posts as the logged-in user when cookies say
    // so, else as a guest. A refusal there (registration required, say) is its own clear error.
    if (!context.nonce) context.classic = true;
    return postClassic(context, draft, post, signal);
  }
}

async function postRest(context: WordPressContext, draft: Draft, post: number, signal: AbortSignal): Promise<Comment> {
  const url = await context.route('wp/v2/comments', {}, signal);
  const nonce = context.nonce;
  const body: Record<string, string | number> = {
    post,
    parent: draft.parentId ? Number(draft.parentId) : 0,
    content: draft.content,
  };
  // A logged-in visitor posts as their account: WordPress fills in the name and email itself.
  if (!context.identity) {
    body['author_name'] = draft.author.name.trim();
    body['author_email'] = draft.author.email.trim();
    if (draft.author.url?.trim()) body['author_url'] = draft.author.url.trim();
  }
  const response = await request(url, {
    method: 'POST',
    json: body,
    signal,
    ...(nonce ? { headers: { 'X-WP-Nonce': nonce }, credentials: 'include' } : { credentials: 'omit' }),
    ...(context.fetch ? { fetch: context.fetch } : {}),
  });
  const data = await readJson(response, url);
  if (!response.ok) throw wpFailure(data, response, url);
  return mapComment(parse(WpComment, data, url), context.mapOptions(post));
}

/** The visitor's nonce, without which WordPress would not know who asks to change a comment. */
function signedInNonce(context: WordPressContext): string {
  if (context.nonce) return context.nonce;
  throw new CommentThreadError('rejected', 'Changing a WordPress comment needs a signed-in visitor’s nonce (wp-nonce).', {
    status: 401,
    reason: 'login-required',
  });
}

/** Sends a change to one comment (`PATCH` or `DELETE wp/v2/comments/ID`) as the signed-in visitor. */
async function change(context: WordPressContext, id: string, method: 'PATCH' | 'DELETE', signal: AbortSignal, json?: object) {
  if (!/^\d+$/.test(id)) throw new CommentThreadError('rejected', `Not a WordPress comment id: “${id}”.`, { reason: 'invalid-param' });
  const nonce = signedInNonce(context);
  const url = await context.route(`wp/v2/comments/${id}`, { _fields: `${COMMENT_FIELDS},post` }, signal);
  const response = await request(url, {
    method,
    ...(json ? { json } : {}),
    signal,
    headers: { 'X-WP-Nonce': nonce },
    credentials: 'include',
    ...(context.fetch ? { fetch: context.fetch } : {}),
  });
  const data = await readJson(response, url);
  if (!response.ok) throw wpFailure(data, response, url);
  return { data, url };
}

/**
 * Replaces a comment's text (`PATCH wp/v2/comments/ID`), which WordPress allows the signed-in visitor
 * under its `edit_comment` capability. WordPress answers with the comment in its `edit` context: its
 * text as typed (`content.raw`) becomes the source the next edit starts from.
 */
export async function updateComment(context: WordPressContext, id: string, draft: Draft, signal: AbortSignal): Promise<Comment> {
  const { data, url } = await change(context, id, 'PATCH', signal, { content: draft.content });
  const raw = parse(WpEdited, data, url);
  const comment = mapComment(raw, context.mapOptions(raw.post));
  return raw.content.raw === undefined ? comment : { ...comment, source: raw.content.raw };
}

/** Moves a comment to WordPress's trash (`DELETE wp/v2/comments/ID` without `force`), where a moderator can restore it. */
export async function removeComment(context: WordPressContext, id: string, signal: AbortSignal): Promise<void> {
  await change(context, id, 'DELETE', signal);
}

/** The 401 on a page from another origin, where the form handler cannot be used (it sends no CORS
 * headers): a reader cannot fix it by logging in, so the reason is `cross-origin`, not WordPress's
 * "you must be logged in", and the developer's message says what the site's owner can do. */
function crossOrigin(failure: CommentThreadError): CommentThreadError {
  return new CommentThreadError(
    'rejected',
    `The WordPress site at ${failure.url ?? 'this endpoint'} does not accept comments from other websites yet. ` +
      `Its owner can allow them with one line in a plugin or the theme's functions.php: ${FILTER}`,
    {
      status: failure.status,
      reason: 'cross-origin',
      ...(failure.url ? { url: failure.url } : {}),
      cause: failure,
    },
  );
}
