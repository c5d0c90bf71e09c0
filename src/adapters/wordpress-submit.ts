/**
 * Posting a comment to WordPress, loaded only when a reader posts. REST first (`POST wp/v2/comments`);
 * when the site refuses anonymous REST comments (WordPress's default: 401 rest_comment_login_required)
 * and the page is on the site's own origin, through WordPress's own comment form handler instead
 * (./wordpress-classic.js), the way the theme's comment form posts.
 */
import type { Draft } from '../model/draft.js';
import type { Comment } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { parse, readJson, request } from './http.js';
import { postClassic } from './wordpress-classic.js';
import { mapComment, WpComment, wpFailure, type WordPressContext } from './wordpress-shape.js';

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
