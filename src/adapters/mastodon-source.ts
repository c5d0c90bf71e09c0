/**
 * Mastodon as a source of a merged thread: the read-only adapter's replies, plus the post's favourites
 * and boosts, plus finding the post from the page's URL when the site owner names only an account.
 *   GET {server}/api/v1/statuses/:id, …/:id/favourited_by, …/:id/reblogged_by
 *   GET {server}/api/v1/accounts/lookup?acct=…, /api/v1/accounts/:id/statuses (the link in a post or its card)
 * Shapes from docs.joinmastodon.org (methods/statuses, methods/accounts, entities/Account, entities/Status).
 * Best effort: only the account's latest 40 posts (no replies, no boosts) are scanned for the page's link.
 */
import * as z from 'zod/mini';
import { CommentThreadError } from '../model/errors.js';
import { resolveUrl } from './http.js';
import { getJson, httpUrl } from './http-helpers.js';
import { mastodon, parseStatusUrl } from './mastodon.js';
import { finding, plain, reactor, type SocialSourceOptions } from './sources-social.js';
import type { Source } from './sources.js';
import type { Reactions, Reactor } from './types.js';

const MastodonAccount = z.object({
  username: z.string(),
  display_name: z.optional(z.string()),
  url: z.optional(z.nullable(z.string())),
  avatar_static: z.optional(z.nullable(z.string())),
  avatar: z.optional(z.nullable(z.string())),
});
const MastodonCounts = z.object({ favourites_count: z.number(), reblogs_count: z.number() });
const MastodonPosts = z.array(
  z.object({
    url: z.optional(z.nullable(z.string())),
    content: z.string(),
    card: z.optional(z.nullable(z.object({ url: z.string() }))),
  }),
);


/** Mastodon's replies, favourites and boosts of one post; the post found from `account` when not given. */
export function mastodonSource(options: SocialSourceOptions): Source {
  const common = options.fetch ? { fetch: options.fetch } : {};
  const inner = mastodon({ ...options, postId: options.postId ?? '' });

  async function find(signal: AbortSignal): Promise<string | undefined> {
    if (options.postId) return options.postId;
    const m = /^@?([^@\s/]+)@([^@\s/]+)$/.exec(options.account ?? '');
    if (!m || !options.pageUrl) {
      throw new CommentThreadError('rejected', 'A Mastodon source needs post-id, or account="@name@server" and the page URL.', {
        reason: 'invalid-post',
      });
    }
    const server = options.endpoint ?? `https://${m[2]}`;
    const lookup = resolveUrl(server, 'api/v1/accounts/lookup');
    lookup.searchParams.set('acct', `${m[1]}@${m[2]}`);
    const { data: account } = await getJson(lookup.href, z.object({ id: z.string() }), { ...common, signal });
    const statuses = resolveUrl(server, `api/v1/accounts/${encodeURIComponent(account.id)}/statuses`);
    statuses.search = 'exclude_replies=true&exclude_reblogs=true&limit=40';
    const { data: posts } = await getJson(statuses.href, MastodonPosts, { ...common, signal });
    const page = plain(options.pageUrl);
    const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((h) => plain(h[1].replace(/&amp;/g, '&')));
    const post = posts.find((p) => (p.card && plain(p.card.url) === page) || hrefs(p.content).includes(page));
    return httpUrl(post?.url);
  }

  async function reactions(postId: string, signal: AbortSignal): Promise<Reactions> {
    const { api, id } = parseStatusUrl(postId, options.endpoint);
    const base = `${api}/api/v1/statuses/${id}`;
    const [counts, likers, boosters] = await Promise.all([
      getJson(base, MastodonCounts, { ...common, signal }),
      getJson(`${base}/favourited_by?limit=40`, z.array(MastodonAccount), { ...common, signal }),
      getJson(`${base}/reblogged_by?limit=40`, z.array(MastodonAccount), { ...common, signal }),
    ]);
    const person = (kind: Reactor['kind']) => (a: z.infer<typeof MastodonAccount>) =>
      reactor(kind, a.display_name?.trim() || a.username, a.url, a.avatar_static ?? a.avatar);
    return {
      likes: counts.data.favourites_count,
      reposts: counts.data.reblogs_count,
      people: [...likers.data.map(person('like')), ...boosters.data.map(person('repost'))],
    };
  }

  return finding('mastodon', inner, find, reactions);
}
