/**
 * Bluesky, read only: the reply tree of one post from the public AppView. Replying needs the reader's own
 * account, so the form gives way to a "Reply on Bluesky" link.
 *   GET {endpoint}/xrpc/app.bsky.feed.getPostThread?uri=at://…&depth=…&parentHeight=0
 *   GET {endpoint}/xrpc/com.atproto.identity.resolveHandle?handle=…   (for bsky.app URLs with a handle)
 * Shapes from bluesky-social/atproto lexicons/app/bsky/feed/{getPostThread,defs,post}.json and
 * lexicons/app/bsky/richtext/facet.json. Posts are plain text; links, mentions and tags are "facets" over
 * UTF-8 byte ranges, turned here into links built only from escaped text and checked URLs.
 */
import * as z from 'zod/mini';
import type { Comment, Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { checkedAdapter, httpError, resolveUrl } from './http.js';
import { errorBody, escapeHtml, getJson, httpUrl } from './http-helpers.js';
import type { BackendFactory, Capabilities, CommentAdapter, ListQuery } from './types.js';

export interface BlueskyOptions {
  /** The post: `at://did:plc:…/app.bsky.feed.post/…` or `https://bsky.app/profile/<handle>/post/<id>`. */
  postId?: string;
  /** The AppView to ask. Default https://public.api.bsky.app (no login needed). */
  endpoint?: string;
  /** Levels of replies to load (Bluesky allows up to 1000). Default 10. */
  depth?: number;
  fetch?: typeof fetch;
}

const Facet = z.object({
  index: z.object({ byteStart: z.number(), byteEnd: z.number() }),
  features: z.array(
    z.object({
      $type: z.string(),
      uri: z.optional(z.string()),
      did: z.optional(z.string()),
      tag: z.optional(z.string()),
    }),
  ),
});
type Facet = z.infer<typeof Facet>;

const PostView = z.object({
  uri: z.string(),
  author: z.object({
    did: z.string(),
    handle: z.string(),
    displayName: z.optional(z.string()),
    avatar: z.optional(z.string()),
  }),
  record: z.object({ text: z.string(), createdAt: z.string(), facets: z.optional(z.array(Facet)) }),
  indexedAt: z.string(),
  likeCount: z.optional(z.number()),
});
type PostView = z.infer<typeof PostView>;

/** `#threadViewPost` has a `post`; `#notFoundPost` and `#blockedPost` do not and are skipped. */
interface ThreadItem {
  post?: PostView | undefined;
  replies?: ThreadItem[] | undefined;
}
const ThreadItem: z.ZodMiniType<ThreadItem> = z.object({
  post: z.optional(PostView),
  get replies() {
    return z.optional(z.array(ThreadItem));
  },
});

/** The post's threadgate: replies its author hid are listed in `hiddenReplies`, and not shown. */
const ThreadAnswer = z.object({
  thread: ThreadItem,
  threadgate: z.optional(z.object({ record: z.optional(z.object({ hiddenReplies: z.optional(z.array(z.string())) })) })),
});
const Resolved = z.object({ did: z.string() });

const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]+$/;

/** Where a facet points, or undefined for a feature this adapter does not link (or an unsafe URL). */
function facetHref(facet: Facet): string | undefined {
  for (const feature of facet.features) {
    if (feature.$type === 'app.bsky.richtext.facet#link') return httpUrl(feature.uri);
    if (feature.$type === 'app.bsky.richtext.facet#mention' && feature.did && DID.test(feature.did)) {
      return `https://bsky.app/profile/${feature.did}`;
    }
    if (feature.$type === 'app.bsky.richtext.facet#tag' && feature.tag)
      return `https://bsky.app/hashtag/${encodeURIComponent(feature.tag)}`;
  }
  return undefined;
}

/** A post's text as HTML: escaped text, facets as links, blank lines as paragraphs, line breaks kept. */
export function richText(text: string, facets: readonly Facet[] = []): string {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const slice = (from: number, to: number) => escapeHtml(decoder.decode(bytes.subarray(from, to)));
  // A range must fall on character boundaries: never start or end inside a multi-byte character.
  const boundary = (i: number) => i === bytes.length || (i >= 0 && i < bytes.length && (bytes[i] & 0xc0) !== 0x80);
  let html = '';
  let at = 0;
  const sorted = [...facets].sort((a, b) => a.index.byteStart - b.index.byteStart);
  for (const facet of sorted) {
    const { byteStart: start, byteEnd: end } = facet.index;
    const href = facetHref(facet);
    if (!href || start < at || end <= start || !boundary(start) || !boundary(end)) continue;
    html += `${slice(at, start)}<a href="${escapeHtml(href)}">${slice(start, end).replace(/\n/g, ' ')}</a>`;
    at = end;
  }
  html += slice(at, bytes.length);
  return html
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

async function failure(response: Response, url: string): Promise<CommentThreadError> {
  const body = z
    .object({ error: z.string(), message: z.optional(z.string()) })
    .safeParse(await errorBody(response, url));
  if (body.success && body.data.error === 'NotFound') {
    return new CommentThreadError('http', `This Bluesky post was not found (${url}).`, {
      status: response.status,
      reason: 'not-found',
      url,
    });
  }
  const said = body.success ? (body.data.message ?? body.data.error) : undefined;
  return httpError(response, url, said ? `Bluesky answered ${response.status}: ${said}` : undefined);
}

const rkey = (uri: string) => uri.split('/').pop() ?? '';
const postUrl = (post: PostView) =>
  `https://bsky.app/profile/${encodeURIComponent(post.author.handle)}/post/${encodeURIComponent(rkey(post.uri))}`;

/** The sort time Bluesky itself uses: the client's claimed `createdAt`, unless later than indexing. */
function sortAt(post: PostView): string {
  const created = Date.parse(post.record.createdAt);
  const indexed = Date.parse(post.indexedAt);
  const time = Number.isNaN(created) ? indexed : Number.isNaN(indexed) ? created : Math.min(created, indexed);
  return new Date(Number.isNaN(time) ? 0 : time).toISOString();
}

export function bluesky(options: BlueskyOptions = {}): CommentAdapter {
  const endpoint = options.endpoint ?? 'https://public.api.bsky.app';
  const common = { ...(options.fetch ? { fetch: options.fetch } : {}), failure };
  // Likes are counted here and given on Bluesky: each count links to its post.
  const capabilities: Capabilities = {
    post: false,
    reply: false,
    fields: { email: 'hidden', url: false },
    likesReadOnly: { service: 'bluesky' },
  };
  const link = (url: string) => (capabilities.replyLink = { url, service: 'bluesky' });
  if (options.postId?.startsWith('https://')) link(options.postId);
  const dids = new Map<string, string>();

  /** The post's at:// URI with a DID authority, resolving a handle when needed. */
  async function atUri(postId: string, signal: AbortSignal): Promise<string> {
    const m =
      /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([\w.~:-]+)$/.exec(postId) ??
      /^https:\/\/bsky\.app\/profile\/([^/]+)\/post\/([\w.~:-]+)\/?$/.exec(postId);
    if (!m) throw new CommentThreadError('rejected', `Not a Bluesky post: ${postId}`, { reason: 'invalid-post' });
    let actor = decodeURIComponent(m[1]);
    if (!DID.test(actor)) {
      let did = dids.get(actor);
      if (!did) {
        const url = resolveUrl(endpoint, 'xrpc/com.atproto.identity.resolveHandle');
        url.searchParams.set('handle', actor);
        did = (await getJson(url.href, Resolved, { ...common, signal })).data.did;
        dids.set(actor, did);
      }
      actor = did;
    }
    return `at://${actor}/app.bsky.feed.post/${m[2]}`;
  }

  return checkedAdapter(
    {
      capabilities,
      key: `bluesky:${endpoint}`,

      async list({ postId, signal }: ListQuery): Promise<Page> {
        const url = resolveUrl(endpoint, 'xrpc/app.bsky.feed.getPostThread');
        url.search = new URLSearchParams({
          uri: await atUri(postId, signal),
          depth: String(Math.min(1000, Math.max(1, options.depth ?? 10))),
          parentHeight: '0',
        }).toString();
        const { data } = await getJson(url.href, ThreadAnswer, { ...common, signal });
        const root = data.thread.post;
        if (!root)
          throw new CommentThreadError('http', `This Bluesky post was not found (${url.href}).`, {
            reason: 'not-found',
            url: url.href,
          });
        link(postUrl(root));
        const comments: Comment[] = [];
        // Iterative walk: a thread may be hundreds of levels deep.
        const stack = (data.thread.replies ?? []).map((item) => ({ item, parentId: null as string | null }));
        const hidden = new Set(data.threadgate?.record?.hiddenReplies ?? []);
        while (stack.length) {
          const { item, parentId } = stack.pop()!;
          const post = item.post;
          // Blocked and deleted posts (no `post`) and replies the author hid go, with what answers them.
          if (!post || hidden.has(post.uri)) continue;
          const avatarUrl = httpUrl(post.author.avatar);
          comments.push({
            id: post.uri,
            parentId,
            author: {
              name: post.author.displayName?.trim() || post.author.handle,
              url: `https://bsky.app/profile/${encodeURIComponent(post.author.handle)}`,
              ...(avatarUrl ? { avatarUrl } : {}),
              ...(post.author.did === root.author.did ? { isPostAuthor: true } : {}),
            },
            createdAt: sortAt(post),
            body: { format: 'html', value: richText(post.record.text, post.record.facets) },
            status: 'approved',
            permalink: postUrl(post),
            likeUrl: postUrl(post),
            ...(post.likeCount !== undefined ? { likes: post.likeCount } : {}),
          });
          for (const reply of item.replies ?? []) stack.push({ item: reply, parentId: post.uri });
        }
        return { comments, total: comments.length, cursor: null };
      },
    },
    'the Bluesky API',
  );
}

/** `backend="bluesky" post-id="https://bsky.app/profile/<handle>/post/<id>"` (or an at:// URI). */
export const backend: BackendFactory = ({ endpoint, postId }) => bluesky({ postId, ...(endpoint ? { endpoint } : {}) });
