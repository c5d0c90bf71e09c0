/**
 * Bluesky as a source of a merged thread: the read-only adapter's replies, plus the post's likes and
 * reposts, plus finding the post from the page's URL when the site owner names only an account.
 *   GET {appview}/xrpc/app.bsky.feed.getPosts, getLikes, getRepostedBy
 *   GET {appview}/xrpc/app.bsky.feed.searchPosts?author=…&url=…   (the account's posts that link the page)
 * Shapes from bluesky-social/atproto lexicons/app/bsky/feed/{getPosts,getLikes,getRepostedBy,searchPosts}.json.
 * Best effort: the search index may lag behind a new post, and an AppView may ask for a login to search.
 */
import * as z from 'zod/mini';
import { CommentThreadError } from '../model/errors.js';
import { anything } from '../model/schemas.js';
import { bluesky } from './bluesky.js';
import { resolveUrl } from './http.js';
import { getJson } from './http-helpers.js';
import { finding, plain, reactor, type SocialSourceOptions } from './sources-social.js';
import type { Source } from './sources.js';
import type { Reactions, Reactor } from './types.js';

const BlueskyActor = z.object({ handle: z.string(), displayName: z.optional(z.string()), avatar: z.optional(z.string()) });
const BlueskyPostView = z.object({
  uri: z.string(),
  author: z.object({ handle: z.string() }),
  likeCount: z.optional(z.number()),
  repostCount: z.optional(z.number()),
  record: z.optional(anything()),
  embed: z.optional(anything()),
});


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
