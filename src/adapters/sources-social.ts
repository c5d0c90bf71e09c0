/**
 * What the Mastodon and Bluesky sources of a merged thread share (mastodon-source.ts, bluesky-source.ts):
 * a source that finds its post once, a reactor with checked addresses, and how a page's URL is compared
 * with a link in a post. Each source is a lazy chunk of its own, so a page that names only Mastodon
 * downloads no Bluesky code, and the other way round: this module holds neither adapter.
 * Finding the post is best effort: only the account's latest 40 Mastodon posts are scanned, and Bluesky's
 * search may lag behind a new post or ask for a login; without a post, the source shows nothing.
 */
import { httpUrl } from './http-helpers.js';
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

/** A URL as compared with a link in a post: no fragment, no trailing slash. */
export const plain = (url: string) => url.replace(/#.*$/, '').replace(/\/$/, '');

/** A reactor with only an https avatar (the row loads no mixed content) and an http(s) profile. */
export function reactor(kind: Reactor['kind'], name: string, url?: string | null, avatar?: string | null): Reactor {
  const profile = httpUrl(url);
  const avatarUrl = httpUrl(avatar);
  return { kind, name, ...(profile ? { url: profile } : {}), ...(avatarUrl?.startsWith('https:') ? { avatarUrl } : {}) };
}

/** A source that finds its post once (and again after a failure), then behaves as `adapter`. */
export function finding(
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
