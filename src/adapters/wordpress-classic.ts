/**
 * Posting through WordPress's own comment form handler, `POST /wp-comments-post.php`: what every theme's
 * comment form does, so it works on any WordPress with no plugin, for guests and (with the visitor's
 * cookies) logged-in users. Same origin only: the handler sends no CORS headers.
 *
 * The handler answers with a redirect, or with an error page from `wp_die()`. `redirect_to` points the
 * redirect at the REST list of the newest comments under the same parent, so one round trip tells the
 * outcome: WordPress adds `unapproved=ID` to that URL when it holds a comment with an email (the theme
 * uses it to show "awaiting moderation"), and an approved comment is in the list, fully rendered.
 */
import * as z from 'zod/mini';
import type { Draft } from '../model/draft.js';
import type { Comment } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { readJson, request } from './http.js';
import { plainText } from './http-helpers.js';
import { firstElement, htmlText } from './html-text.js';
import { COMMENT_FIELDS, mapComment, WpCommentList, WpError, type WordPressContext } from './wordpress-shape.js';

export async function postClassic(context: WordPressContext, draft: Draft, post: number, signal: AbortSignal): Promise<Comment> {
  const parent = draft.parentId ? Number(draft.parentId) : 0;
  const newest = await context.route(
    'wp/v2/comments',
    { post: String(post), parent: String(parent), orderby: 'id', order: 'desc', per_page: '20', _fields: COMMENT_FIELDS },
    signal,
  );
  // The fields of comment_form(). No cookie consent: WordPress then marks a held comment in the
  // redirect instead of setting comment_author_* cookies, and the element remembers it itself.
  const form = new URLSearchParams({
    comment_post_ID: String(post),
    comment_parent: String(parent),
    comment: draft.content,
    author: draft.author.name.trim(),
    email: draft.author.email.trim(),
    url: draft.author.url?.trim() ?? '',
    redirect_to: newest,
  });
  const send = (url: string) =>
    request(url, { method: 'POST', body: form, signal, credentials: 'same-origin', ...(context.fetch ? { fetch: context.fetch } : {}) });
  let url = new URL('wp-comments-post.php', context.site).href;
  let response = await send(url);
  if (response.status === 404 && !response.redirected) {
    // WordPress in its own directory ("WordPress Address" apart from "Site Address"): the handler lives
    // at the WordPress address, which the REST index tells. A 404 stored nothing, so sending again is safe.
    const address = await context.wordpressAddress(signal).catch(() => undefined);
    const there = address && new URL('wp-comments-post.php', address).href;
    if (there && there !== url) {
      await response.body?.cancel().catch(() => undefined);
      response = await send((url = there));
    }
  }
  const landed = new URL(response.url || url);
  const held = landed.searchParams.get('unapproved');
  if (held && /^\d+$/.test(held)) {
    await response.body?.cancel().catch(() => undefined);
    return fromDraft(context, draft, held);
  }
  if (response.redirected && landed.pathname !== new URL(url).pathname) {
    return (await newComment(response, draft, context, post)) ?? fromDraft(context, draft, undefined);
  }
  throw await refusal(response, url);
}

/** Finds the new comment in the list WordPress redirected to: the newest one with the same text. */
async function newComment(response: Response, draft: Draft, context: WordPressContext, post: number) {
  if (!response.ok) return undefined;
  let list;
  try {
    list = z.safeParse(WpCommentList, await readJson(response, response.url));
  } catch {
    return undefined;
  }
  if (!list.success) return undefined;
  const text = comparable(plainText(draft.content));
  const mine = list.data.find((c) => comparable(plainText(c.content.rendered)) === text);
  return mine && mapComment(mine, context.mapOptions(post));
}

/** Letters and digits only: WordPress curls quotes, adds paragraphs and strips disallowed tags. A text
 * with none (emoji only) is compared whole, so it cannot match every other such comment. */
const comparable = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') || text.replace(/\s+/g, '');

/** A comment WordPress accepted but does not show to readers yet, as its author wrote it. */
function fromDraft(context: WordPressContext, draft: Draft, id: string | undefined): Comment {
  return {
    // Without an id (a held comment without email), a local one: the element keeps it for its author.
    id: id ?? `wp-local-${Date.now()}`,
    parentId: draft.parentId,
    author: { name: context.identity?.name ?? draft.author.name.trim(), ...(draft.author.url ? { url: draft.author.url } : {}) },
    createdAt: new Date().toISOString(),
    body: { format: 'text', value: draft.content },
    status: 'pending',
  };
}

/**
 * The error page of `wp_die()`: JSON `{ code: 'wp_die', message: '<p>…</p>', data: { status } }` when the
 * request accepts JSON (as ours does), else HTML with the text in `.wp-die-message`. The status is 409 for
 * a duplicate, 429 for a flood, 403 for closed comments and refusals, but **200** for missing or invalid
 * fields, and some refusals answer an empty 200 page.
 */
async function refusal(response: Response, url: string): Promise<CommentThreadError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // The status alone still says what happened.
  }
  let message = '';
  try {
    const parsed = z.safeParse(WpError, JSON.parse(text));
    if (parsed.success) message = plainText(parsed.data.message);
  } catch {
    message = htmlText(firstElement(text, 'div', 'class="wp-die-message"') ?? firstElement(text, 'body') ?? text);
  }
  // WordPress starts most of these with a bold "Error:"; the element frames errors itself.
  message = message.replace(/^error\s*:\s*/i, '');
  const status = response.status;
  const reason =
    status === 409
      ? 'duplicate'
      : status === 429
        ? 'flood'
        : /closed/i.test(message)
          ? 'closed'
          : /logged in/i.test(message)
            ? 'login-required'
            : /required fields|name and email/i.test(message)
              ? 'author-required'
              : /type your comment|comment text/i.test(message)
                ? 'content-invalid'
                : /valid email/i.test(message)
                  ? 'invalid-param'
                  : status >= 500
                    ? 'server'
                    : 'rejected';
  const refused = status < 500;
  return new CommentThreadError(
    refused ? 'rejected' : 'http',
    `WordPress's comment form handler at ${url} answered ${status}${message ? `: ${message}` : ' without a reason'}`,
    { status, reason, url, ...(refused && message ? { serverMessage: message } : {}) },
  );
}
