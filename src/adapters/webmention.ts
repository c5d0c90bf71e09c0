/**
 * Webmentions, read only, from webmention.io's API: replies and mentions other sites sent to a post,
 * and the likes and reposts among them (bridged from Mastodon, Bluesky and others by Bridgy).
 *   GET {endpoint}/api/mentions.jf2?target=URL&per-page=N&page=P&sort-by=published&sort-dir=up|down
 *       &wm-property[]=in-reply-to&wm-property[]=mention-of            → jf2 feed { children: [entry] }
 *   GET {endpoint}/api/count.json?target=URL                            → { count, type: { like, repost … } }
 * Shapes from webmention.io's documentation (github.com/aaronpk/webmention.io, README "API"): `page`
 * counts from 0; each entry has `wm-id`, `wm-property`, `author { name, photo, url }`, `published` (may be
 * null) and `wm-received`, `content { html, text }`, `url`. A reply arrives as a post on someone's own
 * site, so the element offers a "Reply from your own site" link instead of the form.
 */
import * as z from 'zod/mini';
import { either, recordOf, type Comment, type Page } from '../model/schemas.js';
import { checkedAdapter, resolveUrl } from './http.js';
import { getJson, httpUrl } from './http-helpers.js';
import type { BackendFactory, Capabilities, CommentAdapter, ListQuery, Reactions, ReactionsQuery } from './types.js';

export interface WebmentionOptions {
  /** The webmention.io-compatible server. Default https://webmention.io. */
  endpoint?: string;
  /** Mentions per page (webmention.io allows up to 100). Default 50. */
  perPage?: number;
  /** Where "Reply from your own site" leads: the site's own page about sending a Webmention, say.
   * Default: the IndieWeb's explanation of Webmention. */
  replyUrl?: string;
  fetch?: typeof fetch;
}

const Entry = z.object({
  'wm-id': either(z.number(), z.string()),
  'wm-property': z.string(),
  'wm-received': z.optional(z.nullable(z.string())),
  'wm-source': z.optional(z.nullable(z.string())),
  'wm-private': z.optional(z.boolean()),
  published: z.optional(z.nullable(z.string())),
  url: z.optional(z.nullable(z.string())),
  author: z.optional(
    z.nullable(
      z.object({
        name: z.optional(z.nullable(z.string())),
        photo: z.optional(z.nullable(z.string())),
        url: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
  content: z.optional(
    z.nullable(z.object({ html: z.optional(z.nullable(z.string())), text: z.optional(z.nullable(z.string())) })),
  ),
});
type Entry = z.infer<typeof Entry>;

const Feed = z.object({ children: z.array(Entry) });
const Count = z.object({ count: z.optional(z.number()), type: z.optional(recordOf(z.number())) });

/** The IndieWeb's page on Webmention: what it is and how to send one. */
export const WEBMENTION_HELP = 'https://indieweb.org/Webmention';
const CONVERSATION = ['in-reply-to', 'mention-of'];
const REACTIONS = ['like-of', 'repost-of'];

/** Who sent it: their name, else their site's host, else the source page's host. */
function authorOf(entry: Entry) {
  const url = httpUrl(entry.author?.url) ?? httpUrl(entry['wm-source']);
  const avatarUrl = httpUrl(entry.author?.photo);
  const name = entry.author?.name?.trim() || (url ? new URL(url).host : 'Someone');
  return { name, ...(url ? { url } : {}), ...(avatarUrl?.startsWith('https:') ? { avatarUrl } : {}) };
}

function toComment(entry: Entry): Comment | undefined {
  const html = entry.content?.html?.trim();
  const text = entry.content?.text?.trim();
  // A bare mention ("this page links here") has no words of its own to show.
  if (!html && !text) return undefined;
  const permalink = httpUrl(entry.url) ?? httpUrl(entry['wm-source']);
  const createdAt = [entry.published, entry['wm-received']].find((d) => d && !Number.isNaN(Date.parse(d)));
  return {
    id: String(entry['wm-id']),
    parentId: null,
    author: authorOf(entry),
    createdAt: new Date(createdAt ? Date.parse(createdAt) : 0).toISOString(),
    body: html ? { format: 'html', value: html } : { format: 'text', value: text! },
    status: 'approved',
    ...(permalink ? { permalink } : {}),
  };
}

export function webmention(options: WebmentionOptions = {}): CommentAdapter & { reactions(query: ReactionsQuery): Promise<Reactions> } {
  const endpoint = options.endpoint ?? 'https://webmention.io';
  const perPage = Math.min(100, Math.max(1, options.perPage ?? 50));
  const common = options.fetch ? { fetch: options.fetch } : {};
  const capabilities: Capabilities = {
    post: false,
    reply: false,
    fields: { email: 'hidden', url: false },
    replyLink: { url: httpUrl(options.replyUrl) ?? WEBMENTION_HELP, service: 'webmention' },
  };

  const feedUrl = (target: string, properties: readonly string[], page: number, count: number, order = 'oldest') => {
    const url = resolveUrl(endpoint, 'api/mentions.jf2');
    url.search = new URLSearchParams([
      ['target', target],
      ['per-page', String(count)],
      ['page', String(page)],
      ['sort-by', 'published'],
      ['sort-dir', order === 'newest' ? 'down' : 'up'],
      ...properties.map((p) => ['wm-property[]', p]),
    ]).toString();
    return url.href;
  };

  return checkedAdapter(
    {
      capabilities,
      key: `webmention:${endpoint}`,

      async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
        const page = cursor ? Number(cursor) || 0 : 0;
        const url = feedUrl(postId, CONVERSATION, page, perPage, order);
        const { data } = await getJson(url, Feed, { ...common, signal });
        const comments = data.children
          .filter((e) => CONVERSATION.includes(e['wm-property']) && !e['wm-private'])
          .map(toComment)
          .filter((c): c is Comment => c !== undefined);
        // A full page may have another behind it; webmention.io gives no total.
        return { comments, cursor: data.children.length === perPage ? String(page + 1) : null };
      },

      /** Likes and reposts: the people (the first 100) from the feed, the numbers from the count API. */
      async reactions({ postId, signal }: ReactionsQuery): Promise<Reactions> {
        const countUrl = resolveUrl(endpoint, 'api/count.json');
        countUrl.searchParams.set('target', postId);
        const [feed, count] = await Promise.all([
          getJson(feedUrl(postId, REACTIONS, 0, 100), Feed, { ...common, signal }),
          // The people alone still make a row when the count cannot be had.
          getJson(countUrl.href, Count, { ...common, signal }).catch(() => undefined),
        ]);
        const people = feed.data.children
          .filter((e) => REACTIONS.includes(e['wm-property']) && !e['wm-private'])
          .map((e) => ({ ...authorOf(e), kind: e['wm-property'] === 'like-of' ? ('like' as const) : ('repost' as const) }));
        const listed = (kind: string) => people.filter((p) => p.kind === kind).length;
        const types = count?.data.type ?? {};
        return {
          likes: Math.max(types.like ?? 0, listed('like')),
          reposts: Math.max(types.repost ?? 0, listed('repost')),
          people,
        };
      },
    },
    endpoint,
  );
}

/** `backend="webmention" post-id="https://example.org/2024/my-post/"` (`endpoint` optional; `data-reply-url`). */
export const backend: BackendFactory = ({ endpoint, settings, baseUrl }) =>
  webmention({
    ...(endpoint ? { endpoint } : {}),
    ...(settings?.replyUrl ? { replyUrl: new URL(settings.replyUrl, baseUrl).href } : {}),
  });
