/**
 * WordPress, through its REST API (wp/v2/comments), on any WordPress as installed:
 * - the REST root is found at `/wp-json/`, else at `?rest_route=` (plain permalinks, or a host that blocks
 *   the `/wp-json/` path), from nothing but the site's address;
 * - `post-id` is a post's number, slug or URL;
 * - comments are read a page at a time (100 by default), lazily: `cursor` is the next page's number;
 * - posting loads a second module on demand (./wordpress-submit.js), which also handles sites that refuse
 *   anonymous REST comments, as WordPress does by default, through the site's own comment form handler.
 */
import * as z from 'zod/mini';
import type { Comment, Draft, Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { checkedAdapter, parse, readJson, request, resolveUrl, toPage } from './http.js';
import { decodeEntities } from './entities.js';
import type {
  ActionOptions,
  AttachQuery,
  BackendFactory,
  Capabilities,
  CommentAdapter,
  CountOptions,
  Counts,
  ListQuery,
  SubmitOptions,
} from './types.js';
import type { PostOwner, WpMe } from './wordpress-user.js';
import {
  COMMENT_FIELDS,
  mapComment,
  POST_FIELDS,
  postRef,
  roots,
  routeUrl,
  wpFailure,
  WpCommentList,
  WpPost,
  type MapOptions,
  type Root,
  type WordPressContext,
} from './wordpress-shape.js';

export { postRef };
export type { WordPressContext };

export interface WordPressOptions {
  /** The site's address (where WordPress lives), or its REST root (`…/wp-json/`, `…/?rest_route=/`). */
  endpoint: string;
  /** The post used when a query names none: its number, slug or URL. */
  postId?: string | number;
  /** The site's "nested comments N levels deep" setting, which the REST API does not reveal (WordPress: 5). */
  depth?: number;
  /** Comments per request, 1 to 100 (WordPress's cap and the default). */
  perPage?: number;
  /** A `wp_rest` nonce (`wp_create_nonce( 'wp_rest' )`), so a logged-in visitor posts as themselves. */
  nonce?: string;
  /** The avatar's size in CSS pixels, to pick the best of WordPress's sizes (default 40, the element's). */
  avatarSize?: number;
  /** Device pixels per CSS pixel (`devicePixelRatio`), so avatars stay sharp. Default 1. */
  pixelRatio?: number;
  /**
   * The page says the visitor is logged in to this WordPress (its `<body class="logged-in">`): on the
   * site's own origin the adapter then asks WordPress for a nonce, so they post as themselves.
   */
  signedIn?: boolean;
  /** The page's address, against which a relative `endpoint` or post URL resolves. Default: the page's. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

interface PostInfo extends PostOwner {
  id: number;
  open?: boolean | undefined;
}

/** A count from a header, NaN when absent or not a number. */
const count = (value: string | null) => (value !== null && /^\d+$/.test(value.trim()) ? Number(value) : NaN);

const WpIndex = z.object({ url: z.string() });

export function wordpress(options: WordPressOptions): CommentAdapter {
  const candidates = roots(options.endpoint, options.baseUrl);
  let root: Root | undefined = candidates.length === 1 ? candidates[0] : undefined;
  const first = candidates[0];
  const site = new URL(first.query ? './' : '../', first.base);
  // The page's origin as the browser enforces it (`location.origin` is "null" in a srcdoc iframe).
  const sameOrigin = typeof origin === 'string' && site.origin === origin;
  const perPage = String(Math.min(100, Math.max(1, Math.floor(options.perPage ?? 100))));
  const posts = new Map<string, Promise<PostInfo>>();
  /** Posts seen so far, by number: their author for the badge on a comment just posted, and who may edit. */
  const seen = new Map<number, PostInfo>();
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  let identity: { name: string } | undefined;
  let me: WpMe | undefined;
  /** Who is signed in and what they may do: a chunk of its own, fetched only where a nonce says someone may be. */
  let users: typeof import('./wordpress-user.js') | undefined;
  const mayEdit = (post: PostInfo | undefined) => !!(me && post && users?.mayEditComments(me, post));
  let activeNonce: string | undefined;
  /** Who is signed in, once asked (the first page's listing, or else the first action that needs it). */
  let asked: Promise<void> | undefined;
  let capabilities: Capabilities = capabilitiesFor(true, undefined);

  function capabilitiesFor(open: boolean, post: PostInfo | undefined): Capabilities {
    // Edit and trash their own comments while signed in, where WordPress's edit_comment allows it.
    const own = mayEdit(post) ? ({ editableFor: 'signed-in' } as const) : undefined;
    return {
      post: open,
      reply: open,
      // WordPress's defaults: name and email required (require_name_email), a website field.
      fields: identity
        ? { name: 'hidden', email: 'hidden', url: false }
        : { name: 'required', email: 'required', url: true },
      maxDepth: options.depth ?? 5,
      // Comments take the HTML that kses allows (wp_kses_allowed_html( 'pre_comment_content' )).
      bodyFormat: 'html',
      ...(open ? {} : { closed: true }),
      ...(identity ? { identity } : {}),
      ...(own ? { edit: own, delete: own } : {}),
    };
  }

  /** Who is signed in, asked once: the first page's listing asks again (a reload), everything else reuses it. */
  function askWho(signal: AbortSignal, again = false): Promise<void> {
    if (again || !asked) {
      const asking = whoIsThere(signal);
      asked = asking;
      // Asked under a signal that was then aborted: ask again next time.
      void asking.then(() => {
        if (signal.aborted && asked === asking) asked = undefined;
      });
    }
    return asked;
  }

  /** GETs a route as JSON, trying the next REST root when one gives no JSON at all (the /wp-json/ path is
   * missing, redirected or blocked there); WordPress's own errors are JSON and stop the search. */
  async function getJson(path: string, params: Record<string, string>, signal: AbortSignal, init: RequestInit = {}) {
    const tries = root ? [root] : candidates;
    for (let i = 0; ; i++) {
      const candidate = tries[i];
      const url = routeUrl(candidate, path, params).href;
      const last = i === tries.length - 1;
      try {
        const response = await request(url, {
          signal,
          ...fetchOption,
          ...(init.headers ? { headers: init.headers as Record<string, string> } : {}),
          credentials: init.credentials ?? 'omit',
          ...(last ? {} : { retries: 0 }),
        });
        const data = await readJson(response, url);
        root ??= candidate;
        if (!response.ok) throw wpFailure(data, response, url);
        return { data, response, url };
      } catch (error) {
        const failure = CommentThreadError.from(error);
        if (last || (failure.code !== 'network' && failure.code !== 'invalid-response')) throw failure;
      }
    }
  }

  /** The post's number, author and comment status. Only a slug's lookup can fail the listing: details of a
   * numbered post serve the badge and the closed state, so without them the comments still show. */
  function postInfo(postId: string, signal: AbortSignal): Promise<PostInfo> {
    let info = posts.get(postId);
    if (!info) {
      info = lookUpPost(postId, signal);
      posts.set(postId, info);
      info.catch(() => posts.delete(postId));
    }
    return info;
  }

  const refOf = (postId: string) => postRef(postId, options.baseUrl);

  async function lookUpPost(postId: string, signal: AbortSignal): Promise<PostInfo> {
    const ref = refOf(postId);
    for (const type of ['posts', 'pages'] as const) {
      const path = 'id' in ref ? `wp/v2/${type}/${ref.id}` : `wp/v2/${type}`;
      const params = { _fields: POST_FIELDS, ...('slug' in ref ? { slug: ref.slug } : {}) };
      try {
        const { data, url } = await getJson(path, params, signal);
        const post = 'id' in ref ? parse(WpPost, data, url) : parse(z.array(WpPost), data, url)[0];
        if (post) return { id: post.id, author: post.author, open: post.comment_status !== 'closed', type: type === 'posts' ? 'post' : 'page' };
      } catch (error) {
        if ('slug' in ref || (error as CommentThreadError).status !== 404) throw error;
      }
    }
    if ('id' in ref) return { id: ref.id };
    throw new CommentThreadError('rejected', `There is no post “${'slug' in ref ? ref.slug : ''}” on ${site.host}.`, {
      reason: 'invalid-post',
    });
  }

  function details(postId: string, signal: AbortSignal): Promise<PostInfo> {
    const ref = refOf(postId);
    const info = postInfo(postId, signal);
    return 'id' in ref ? info.catch(() => ({ id: ref.id })) : info;
  }

  /** Who is logged in, when the page can tell: a nonce from the theme, or on the site's own pages when
   * the page says so (`signedIn`), a fresh nonce from WordPress's own `rest-nonce` action. */
  async function whoIsThere(signal: AbortSignal): Promise<void> {
    let nonce = options.nonce;
    identity = undefined;
    me = undefined;
    activeNonce = undefined;
    try {
      if (!nonce && sameOrigin && options.signedIn) {
        const url = new URL('wp-admin/admin-ajax.php?action=rest-nonce', site).href;
        const response = await request(url, { signal, ...fetchOption, credentials: 'same-origin', retries: 0 });
        const text = (await response.text()).trim();
        if (response.ok && /^[0-9a-f]{6,}$/i.test(text)) nonce = text;
      }
      if (!nonce) return;
      // `context=edit` adds the capabilities, which WordPress shows a user for their own account only.
      users ??= await import('./wordpress-user.js');
      const { data, url } = await getJson('wp/v2/users/me', { context: 'edit', _fields: users.ME_FIELDS }, signal, {
        headers: { 'X-WP-Nonce': nonce },
        credentials: 'include',
      });
      me = parse(users.WpMe, data, url);
      identity = { name: decodeEntities(me.name) };
      activeNonce = nonce;
    } catch {
      // Not logged in, or the nonce expired: an anonymous visitor.
    }
  }

  /** Who is signed in (asked once), and for a signed-in visitor the post: its author's badge, whether they may edit. */
  async function learn(postId: string, signal: AbortSignal): Promise<void> {
    await askWho(signal);
    if (!identity) return;
    const id = postId || String(options.postId ?? '');
    const post = await details(id, signal).catch(() => undefined);
    if (!post) return;
    seen.set(post.id, post);
    capabilities = capabilitiesFor(post.open !== false, post);
  }

  /** How a post's comments map: the post author's badge, and the signed-in visitor's own comments. */
  function mapOptionsFor(post: PostInfo | undefined): MapOptions {
    const own = mayEdit(post) ? me?.id : undefined;
    return { postAuthor: post?.author, avatarPixels: avatarPixels(), ...(own !== undefined ? { own } : {}) };
  }

  const ratio = options.pixelRatio !== undefined && options.pixelRatio > 0 ? options.pixelRatio : 1;
  const avatarPixels = () => (options.avatarSize ?? 40) * ratio;

  const context: WordPressContext = {
    async route(path, params, signal) {
      if (!root) await getJson('wp/v2/comments', { per_page: '1', _fields: 'id' }, signal);
      return routeUrl(root!, path, params).href;
    },
    async postNumber(postId, signal) {
      const id = postId || String(options.postId ?? '');
      const ref = refOf(id);
      return 'id' in ref ? ref.id : (await postInfo(id, signal)).id;
    },
    mapOptions(postNumber) {
      return mapOptionsFor(seen.get(postNumber));
    },
    site,
    async wordpressAddress(signal) {
      const { data, url } = await getJson('', { _fields: 'url' }, signal);
      return resolveUrl(parse(WpIndex, data, url).url);
    },
    sameOrigin,
    get nonce() {
      return activeNonce;
    },
    get identity() {
      return identity;
    },
    classic: false,
    fetch: options.fetch,
  };
  return checkedAdapter(
    {
      get capabilities() {
        return capabilities;
      },
      key: `wordpress:${site.href}`,

      async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
        const id = postId || String(options.postId ?? '');
        const page = cursor === undefined ? 1 : Number(cursor);
        if (!Number.isInteger(page) || page < 1) {
          throw new CommentThreadError('rejected', `Not a page number: “${cursor}”.`, { reason: 'invalid-param' });
        }
        const ref = refOf(id);
        const info = details(id, signal);
        const number = 'id' in ref ? ref.id : (await info).id;
        const [listing, post] = await Promise.all([
          getJson(
            'wp/v2/comments',
            {
              post: String(number),
              per_page: perPage,
              page: String(page),
              orderby: 'date_gmt',
              order: order === 'newest' ? 'desc' : 'asc',
              _fields: COMMENT_FIELDS,
            },
            signal,
          ),
          info,
          page === 1 ? askWho(signal, true) : asked,
        ]);
        seen.set(number, post);
        capabilities = capabilitiesFor(post.open !== false, post);
        const raw = parse(WpCommentList, listing.data, listing.url);
        const mapOptions = mapOptionsFor(post);
        const total = count(listing.response.headers.get('X-WP-Total'));
        const pages = count(listing.response.headers.get('X-WP-TotalPages'));
        // Without the headers (a proxy that drops them), a full page means there may be another.
        const more = Number.isFinite(pages) ? page < pages : raw.length >= Number(perPage);
        return toPage(listing.url, () => ({
          comments: raw.map((c) => mapComment(c, mapOptions)),
          ...(Number.isFinite(total) ? { total } : {}),
          cursor: more ? String(page + 1) : null,
        }));
      },

      async count(postIds: readonly string[], { signal }: CountOptions): Promise<Counts> {
        const numbers = await Promise.all(postIds.map((id) => context.postNumber(id, signal)));
        const get = async (params: Record<string, string>) => getJson('wp/v2/comments', params, signal);
        // Counts are for `<comment-count>` and lists of posts, not a thread's page: their own chunk.
        const { countComments } = await import('./wordpress-count.js');
        const counts = await countComments(get, numbers);
        return Object.fromEntries(postIds.map((id, i) => [id, counts.get(numbers[i]) ?? 0]));
      },

      // The first page came from the document: who is signed in, as that page's listing would have asked.
      async attach({ postId, signal }: AttachQuery): Promise<void> {
        await learn(postId, signal);
      },

      async submit(draft: Draft, { signal }: SubmitOptions): Promise<Comment> {
        const [{ submitComment }] = await Promise.all([import('./wordpress-submit.js'), learn(draft.postId, signal)]);
        return submitComment(context, draft, signal);
      },

      async update(id: string, draft: Draft, { postId, signal }: ActionOptions): Promise<Comment> {
        const [{ updateComment }] = await Promise.all([import('./wordpress-submit.js'), learn(postId, signal)]);
        return updateComment(context, id, draft, signal);
      },

      async remove(id: string, { postId, signal }: ActionOptions): Promise<void> {
        const [{ removeComment }] = await Promise.all([import('./wordpress-submit.js'), learn(postId, signal)]);
        return removeComment(context, id, signal);
      },
    },
    options.endpoint,
  );
}

/** `backend="wordpress" endpoint="https://site/" post-id="42"`. */
export const backend: BackendFactory = ({ endpoint, postId, depth, nonce, baseUrl, pixelRatio, signedIn }) =>
  wordpress({
    // On the site's own pages the site is the page's: its root, as the page resolves it.
    endpoint: endpoint || '/',
    postId,
    depth,
    ...(nonce ? { nonce } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(pixelRatio ? { pixelRatio } : {}),
    ...(signedIn ? { signedIn } : {}),
  });
