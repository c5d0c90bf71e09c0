/**
 * Mastodon, read only: the replies to one public post. Replying needs an account on the reader's own
 * server, so the form gives way to a "Reply on Mastodon" link to the post.
 *   GET {instance}/api/v1/statuses/{id}/context → { ancestors, descendants }  (no token needed)
 * Shapes from docs.joinmastodon.org (methods/statuses#context, entities/Status, entities/Account).
 * Anonymous readers get at most 60 descendants, 20 levels deep (Mastodon 4.0+); there is no paging.
 */
import * as z from 'zod/mini';
import type { Comment, Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { absoluteUrl, checkedAdapter, httpError } from './http.js';
import { errorBody, escapeHtml, getJson, httpUrl } from './http-helpers.js';
import type { BackendFactory, Capabilities, CommentAdapter, ListQuery } from './types.js';

export interface MastodonOptions {
  /** The post, as its URL on its server (`https://mastodon.social/@user/109…`); else given to `list()`. */
  postId?: string;
  /** The server to ask when it is not the post URL's own (a post seen through another server, say). */
  endpoint?: string;
  fetch?: typeof fetch;
}

const Account = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.optional(z.string()),
  url: z.optional(z.nullable(z.string())),
  avatar: z.optional(z.nullable(z.string())),
  avatar_static: z.optional(z.nullable(z.string())),
});

const Status = z.object({
  id: z.string(),
  in_reply_to_id: z.nullable(z.string()),
  in_reply_to_account_id: z.optional(z.nullable(z.string())),
  created_at: z.string(),
  /** HTML, cleaned by Mastodon (remote posts included). */
  content: z.string(),
  /** A content warning: the post is shown behind it. */
  spoiler_text: z.optional(z.string()),
  visibility: z.optional(z.string()),
  url: z.optional(z.nullable(z.string())),
  uri: z.optional(z.string()),
  favourites_count: z.optional(z.number()),
  /** The reader's filters that matched (authenticated reads only): `hide` ones are not shown. */
  filtered: z.optional(z.array(z.object({ filter: z.object({ filter_action: z.optional(z.string()) }) }))),
  account: Account,
  media_attachments: z.optional(
    z.array(z.object({ url: z.nullable(z.string()), description: z.optional(z.nullable(z.string())) })),
  ),
});
type Status = z.infer<typeof Status>;

const Context = z.object({ descendants: z.array(Status) });

/** The server and the post's id on it, from a post URL: `/@user/ID`, `/@user@remote/ID`, `/users/user/statuses/ID`. */
export function parseStatusUrl(value: string, endpoint?: string): { api: string; id: string; url: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CommentThreadError('rejected', `Not a Mastodon post URL: ${value}`, { reason: 'invalid-post' });
  }
  const id = /\/(?:@[^/]+|statuses|notice)\/(\d+)\/?$/.exec(url.pathname)?.[1];
  if (!id || !/^https?:$/.test(url.protocol)) {
    throw new CommentThreadError('rejected', `Not a Mastodon post URL: ${value}`, { reason: 'invalid-post' });
  }
  // A relative endpoint (a proxy on the site's own origin, say) is resolved against the page.
  return { api: (endpoint ? absoluteUrl(endpoint) : url).origin, id, url: url.href };
}

async function failure(response: Response, url: string): Promise<CommentThreadError> {
  const body = z.object({ error: z.string() }).safeParse(await errorBody(response, url));
  if (response.status === 404) {
    return new CommentThreadError('http', `This Mastodon post was not found, or it is not public (${url}).`, {
      status: 404,
      reason: 'not-found',
      url,
    });
  }
  if (response.status === 401) {
    // DISALLOW_UNAUTHENTICATED_API_ACCESS=true on the server.
    return new CommentThreadError(
      'http',
      `This Mastodon server does not show posts to readers who are not logged in (${url}).`,
      {
        status: 401,
        reason: 'login-required',
        url,
      },
    );
  }
  return httpError(
    response,
    url,
    body.success ? `The Mastodon server answered ${response.status}: ${body.data.error}` : undefined,
  );
}

function body(status: Status): string {
  const media = (status.media_attachments ?? [])
    .map((m) => ({ href: httpUrl(m.url), label: m.description?.trim() || 'Attachment' }))
    .filter((m) => m.href)
    .map((m) => `<p><a href="${escapeHtml(m.href!)}">${escapeHtml(m.label)}</a></p>`)
    .join('');
  const content = status.content + media;
  // Mastodon's own interface folds a post with a content warning behind it.
  return status.spoiler_text
    ? `<details><summary>${escapeHtml(status.spoiler_text)}</summary>${content}</details>`
    : content;
}

export function mastodon(options: MastodonOptions = {}): CommentAdapter {
  // Favourites are counted here and given on Mastodon: each count links to its post.
  const capabilities: Capabilities = {
    post: false,
    reply: false,
    fields: { email: 'hidden', url: false },
    likesReadOnly: { service: 'mastodon' },
  };
  const link = (url: string) => (capabilities.replyLink = { url, service: 'mastodon' });
  if (options.postId) {
    try {
      link(parseStatusUrl(options.postId, options.endpoint).url);
    } catch {
      // list() reports a malformed post URL where the element shows errors.
    }
  }

  return checkedAdapter(
    {
      capabilities,
      key: `mastodon:${options.endpoint ?? ''}`,

      async list({ postId, signal }: ListQuery): Promise<Page> {
        const post = parseStatusUrl(postId, options.endpoint);
        link(post.url);
        const url = `${post.api}/api/v1/statuses/${post.id}/context`;
        const { data } = await getJson(url, Context, {
          ...(options.fetch ? { fetch: options.fetch } : {}),
          failure,
          signal,
        });
        // Replies to the post itself name its author: the "author of the post" badge goes to them.
        const postAuthor = data.descendants.find((s) => s.in_reply_to_id === post.id)?.in_reply_to_account_id;
        // A status the reader's filters hide goes, with the replies under it (descendants come parents first).
        const hidden = new Set<string>();
        for (const s of data.descendants) {
          const filteredOut = s.filtered?.some((f) => f.filter.filter_action === 'hide');
          if (filteredOut || (s.in_reply_to_id !== null && hidden.has(s.in_reply_to_id))) hidden.add(s.id);
        }
        const comments = data.descendants
          .filter((s) => !hidden.has(s.id))
          .filter((s) => s.visibility === undefined || s.visibility === 'public' || s.visibility === 'unlisted')
          .map((s): Comment => {
            const profile = httpUrl(s.account.url);
            const avatarUrl = httpUrl(s.account.avatar_static ?? s.account.avatar);
            const permalink = httpUrl(s.url ?? s.uri);
            return {
              id: s.id,
              parentId: s.in_reply_to_id === post.id ? null : s.in_reply_to_id,
              author: {
                name: s.account.display_name?.trim() || s.account.username,
                ...(profile ? { url: profile } : {}),
                ...(avatarUrl ? { avatarUrl } : {}),
                ...(postAuthor && s.account.id === postAuthor ? { isPostAuthor: true } : {}),
              },
              createdAt: s.created_at,
              body: { format: 'html', value: body(s) },
              status: 'approved',
              ...(permalink ? { permalink, likeUrl: permalink } : {}),
              ...(s.favourites_count !== undefined ? { likes: s.favourites_count } : {}),
            };
          });
        return { comments, total: comments.length, cursor: null };
      },
    },
    options.endpoint ?? 'the Mastodon server',
  );
}

/** `backend="mastodon" post-id="https://mastodon.social/@user/109876543210"` (`endpoint` optional). */
export const backend: BackendFactory = ({ endpoint, postId }) =>
  mastodon({ postId, ...(endpoint ? { endpoint } : {}) });
