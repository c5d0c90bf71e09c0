/**
 * Mastodon and Bluesky as sources of a merged thread: their read-only adapters, plus the post's likes
 * and reposts, plus finding the post from the page's URL when the site owner names only an account.
 *   Mastodon: GET {server}/api/v1/statuses/:id, …/:id/favourited_by, …/:id/reblogged_by
 *             GET {server}/api/v1/accounts/lookup?acct=…, /api/v1/accounts/:id/statuses (the link in a post)
 *   Bluesky:  GET app.bsky.feed.getPosts, getLikes, getRepostedBy; app.bsky.feed.searchPosts (author + url)
 * Shapes from docs.joinmastodon.org (methods/statuses, methods/accounts, entities/Account, entities/Status)
 * and bluesky-social/atproto lexicons/app/bsky/feed/{getPosts,getLikes,getRepostedBy,searchPosts}.json.
 * Finding the post is best effort: only the account's latest 40 Mastodon posts are scanned, and Bluesky's
 * search may lag behind a new post or ask for a login; without a post, the source shows nothing.
 */
import * as z from 'zod/mini';
import { CommentThreadError } from '../model/errors.js';
import { bluesky } from './bluesky.js';
import { resolveUrl } from './http.js';
import { getJson, httpUrl } from './http-helpers.js';
import { mastodon, parseStatusUrl } from './mastodon.js';
import type { Source } from './sources.js';
import type { CommentAdapter, ListQuery, Reactions, ReactionsQuery, Reactor } from './types.js';

export interface SocialSourceOptions {
  /** The post (a status URL; a bsky.app post URL or an at:// URI). Found from `account` when absent. */
  postId?: string;
  /** `@me@mastodon.social` or `me.bsky.social`: whose posts to search for a link to `pageUrl`. */
  account?: string;
  /** The page whose post is looked for (its canonical URL). */
  pageUrl?: string;
  /** The server (Mastodon) or AppView (Bluesky) to ask. */
  endpoint?: string;
  fetch?: typeof fetch;
}

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

const BlueskyActor = z.object({ handle: z.string(), displayName: z.optional(z.string()), avatar: z.optional(z.string()) });
const BlueskyPostView = z.object({
  uri: z.string(),
  author: z.object({ handle: z.string() }),
  likeCount: z.optional(z.number()),
  repostCount: z.optional(z.number()),
  record: z.optional(z.unknown()),
  embed: z.optional(z.unknown()),
});

/** A URL as compared with a link in a post: no fragment, no trailing slash. */
const plain = (url: string) => url.replace(/#.*$/, '').replace(/\/$/, '');

/** A reactor with only an https avatar (the row loads no mixed content) and an http(s) profile. */
function reactor(kind: Reactor['kind'], name: string, url?: string | null, avatar?: string | null): Reactor {
  const profile = httpUrl(url);
  const avatarUrl = httpUrl(avatar);
  return { kind, name, ...(profile ? { url: profile } : {}), ...(avatarUrl?.startsWith('https:') ? { avatarUrl } : {}) };
}

/** A source that finds its post once (and again after a failure), then behaves as `adapter`. */
function finding(
  name: string,
  adapter: CommentAdapter,
  find: (signal: AbortSignal) => Promise<string | undefined>,
  reactions: (postId: string, signal: AbortSignal) => Promise<Reactions>,
): Source {
  let found: Promise<string | undefined> | undefined;
  const post = (signal: AbortSignal) => {
    found ??= find(signal).catch((error: unknown) => {
      found = undefined;
      throw error;
    });
    return found;
  };
  return {
    name,
    adapter: {
      get capabilities() {
        return adapter.capabilities;
      },
      ...(adapter.key ? { key: adapter.key } : {}),
      async list(query: ListQuery) {
        const postId = await post(query.signal);
        // No post links to the page yet: nothing from this source, and nothing wrong.
        return postId ? adapter.list({ ...query, postId }) : { comments: [], total: 0, cursor: null };
      },
      async reactions({ signal }: ReactionsQuery) {
        const postId = await post(signal);
        return postId ? reactions(postId, signal) : { likes: 0, reposts: 0, people: [] };
      },
    },
  };
}

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

/** Bluesky's replies, likes and reposts of one post; the post found from `account` when not given. */
export function blueskySource(options: SocialSourceOptions): Source {
  const common = options.fetch ? { fetch: options.fetch } : {};
  const endpoint = options.endpoint ?? 'https://public.api.bsky.app';
  const inner = bluesky({ ...options, ...(options.postId ? {} : { postId: undefined }) });
  const xrpc = (method: string, params: [string, string][]) => {
    const url = resolveUrl(endpoint, `xrpc/${method}`);
    url.search = new URLSearchParams(params).toString();
    return url.href;
  };

  async function find(signal: AbortSignal): Promise<string | undefined> {
    if (options.postId) return options.postId;
    const handle = options.account?.replace(/^@/, '');
    if (!handle || !options.pageUrl) {
      throw new CommentThreadError('rejected', 'A Bluesky source needs post-id, or account="name.bsky.social" and the page URL.', {
        reason: 'invalid-post',
      });
    }
    const url = xrpc('app.bsky.feed.searchPosts', [
      ['q', options.pageUrl],
      ['author', handle],
      ['url', options.pageUrl],
      ['sort', 'latest'],
      ['limit', '25'],
    ]);
    const { data } = await getJson(url, z.object({ posts: z.array(BlueskyPostView) }), { ...common, signal });
    // The search matches words too: keep a post whose links or card really name the page.
    const page = plain(options.pageUrl);
    const post = data.posts.find((p) =>
      [...JSON.stringify([p.record, p.embed]).matchAll(/"(?:uri|url)":"(https?:[^"]+)"/g)].some((m) => plain(m[1]) === page),
    );
    return post ? `https://bsky.app/profile/${post.author.handle}/post/${post.uri.split('/').pop()}` : undefined;
  }

  async function atUri(postId: string, signal: AbortSignal): Promise<string> {
    const m = /^https:\/\/bsky\.app\/profile\/([^/]+)\/post\/([\w.~:-]+)\/?$/.exec(postId);
    if (!m) return postId;
    let actor = decodeURIComponent(m[1]);
    if (!actor.startsWith('did:')) {
      const url = xrpc('com.atproto.identity.resolveHandle', [['handle', actor]]);
      actor = (await getJson(url, z.object({ did: z.string() }), { ...common, signal })).data.did;
    }
    return `at://${actor}/app.bsky.feed.post/${m[2]}`;
  }

  async function reactions(postId: string, signal: AbortSignal): Promise<Reactions> {
    const uri = await atUri(postId, signal);
    const [posts, likes, reposts] = await Promise.all([
      getJson(xrpc('app.bsky.feed.getPosts', [['uris', uri]]), z.object({ posts: z.array(BlueskyPostView) }), { ...common, signal }),
      getJson(xrpc('app.bsky.feed.getLikes', [['uri', uri], ['limit', '50']]), z.object({ likes: z.array(z.object({ actor: BlueskyActor })) }), {
        ...common,
        signal,
      }),
      getJson(xrpc('app.bsky.feed.getRepostedBy', [['uri', uri], ['limit', '50']]), z.object({ repostedBy: z.array(BlueskyActor) }), {
        ...common,
        signal,
      }),
    ]);
    const person = (kind: Reactor['kind']) => (a: z.infer<typeof BlueskyActor>) =>
      reactor(kind, a.displayName?.trim() || a.handle, `https://bsky.app/profile/${encodeURIComponent(a.handle)}`, a.avatar);
    const post = posts.data.posts[0];
    const liked = likes.data.likes.map((l) => person('like')(l.actor));
    const reposted = reposts.data.repostedBy.map(person('repost'));
    return {
      likes: Math.max(post?.likeCount ?? 0, liked.length),
      reposts: Math.max(post?.repostCount ?? 0, reposted.length),
      people: [...liked, ...reposted],
    };
  }

  return finding('bluesky', inner, find, reactions);
}
