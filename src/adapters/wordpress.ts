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
import { decodeEntities } from './html-text.js';
import type { BackendFactory, Capabilities, CommentAdapter, CountOptions, Counts, ListQuery, SubmitOptions } from './types.js';
import { countComments } from './wordpress-count.js';
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

interface PostInfo {
  id: number;
  author?: number | undefined;
  open?: boolean | undefined;
}

/** A count from a header, NaN when absent or not a number. */
const count = (value: string | null) => (value !== null && /^\d+$/.test(value.trim()) ? Number(value) : NaN);

const WpUser = z.object({ name: z.string() });
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
  /** Post authors seen so far, by post number, for the badge on a comment just posted. */
  const authors = new Map<number, number | undefined>();
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  let identity: { name: string } | undefined;
  let activeNonce: string | undefined;
  let capabilities: Capabilities = capabilitiesFor(true, undefined);

  function capabilitiesFor(open: boolean, who: { name: string } | undefined): Capabilities {
    return {
      post: open,
      reply: open,
      // WordPress's defaults: name and email required (require_name_email), a website field.
      fields: who
        ? { name: 'hidden', email: 'hidden', url: false }
        : { name: 'required', email: 'required', url: true },
      maxDepth: options.depth ?? 5,
      ...(open ? {} : { closed: true }),
      ...(who ? { identity: who } : {}),
    };
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
    for (const type of ['posts', 'pages']) {
      const path = 'id' in ref ? `wp/v2/${type}/${ref.id}` : `wp/v2/${type}`;
      const params = { _fields: POST_FIELDS, ...('slug' in ref ? { slug: ref.slug } : {}) };
      try {
        const { data, url } = await getJson(path, params, signal);
        const post = 'id' in ref ? parse(WpPost, data, url) : parse(z.array(WpPost), data, url)[0];
        if (post) return { id: post.id, author: post.author, open: post.comment_status !== 'closed' };
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
    activeNonce = undefined;
    try {
      if (!nonce && sameOrigin && options.signedIn) {
        const url = new URL('wp-admin/admin-ajax.php?action=rest-nonce', site).href;
        const response = await request(url, { signal, ...fetchOption, credentials: 'same-origin', retries: 0 });
        const text = (await response.text()).trim();
        if (response.ok && /^[0-9a-f]{6,}$/i.test(text)) nonce = text;
      }
      if (!nonce) return;
      const { data, url } = await getJson('wp/v2/users/me', { _fields: 'id,name' }, signal, {
        headers: { 'X-WP-Nonce': nonce },
        credentials: 'include',
      });
      identity = { name: decodeEntities(parse(WpUser, data, url).name) };
      activeNonce = nonce;
    } catch {
      // Not logged in, or the nonce expired: an anonymous visitor.
    }
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
      return { postAuthor: authors.get(postNumber), avatarPixels: avatarPixels() };
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
          page === 1 ? whoIsThere(signal) : undefined,
        ]);
        authors.set(number, post.author);
        capabilities = capabilitiesFor(post.open !== false, identity);
        const raw = parse(WpCommentList, listing.data, listing.url);
        const mapOptions = { postAuthor: post.author, avatarPixels: avatarPixels() };
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
        const counts = await countComments(get, numbers);
        return Object.fromEntries(postIds.map((id, i) => [id, counts.get(numbers[i]) ?? 0]));
      },

      async submit(draft: Draft, { signal }: SubmitOptions): Promise<Comment> {
        const { submitComment } = await import('./wordpress-submit.js');
        return submitComment(context, draft, signal);
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
