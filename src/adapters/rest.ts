/**
 * The generic adapter: a small JSON protocol any server can speak (documented in docs/rest-protocol.md).
 *   GET  {endpoint}/posts/{postId}/comments?order=oldest|newest[&cursor=…] → 200 Page
 *   POST {endpoint}/posts/{postId}/comments  { parentId, content, author } → 201 { comment }
 *        with `Idempotency-Key: …`, the same for every try of one draft (the server answers a known key
 *        with the comment it created then, and creates nothing)
 *   GET  {endpoint}/counts?posts=a,b,c → 200 { counts: { a: 3, … } }
 *   POST | DELETE {endpoint}/posts/{postId}/comments/{id}/like → 200 { likes }
 *   PATCH | DELETE {endpoint}/posts/{postId}/comments/{id} with `Authorization: Bearer {token}`, the token
 *        the create answer gave → 200 { comment } | 204
 *   A page may say what the server allows: { features: { likes, editableFor, bodyFormat, notify } }
 *   errors: any 4xx/5xx with { error: { code, message } }
 */
import * as z from 'zod/mini';
import type { Draft } from '../model/draft.js';
import { CommentSchema, count, oneOf, recordOf, uncheckedArray, type Comment, type Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { httpError, parse, readJson, request, resolveUrl } from './http.js';
import { readJsonPage } from './json-page.js';
import { ownTokens } from './own-tokens.js';
import {
  readWrite,
  type ActionOptions,
  type BackendFactory,
  type Capabilities,
  type CommentAdapter,
  type CountOptions,
  type Counts,
  type ListQuery,
  type SubmitOptions,
} from './types.js';

export interface RestOptions {
  /** Base URL of the server's API, absolute or relative to the page. */
  endpoint: string;
  /** Defaults: name and email required, website offered, replies allowed. */
  capabilities?: Partial<Capabilities>;
  /** Extra request headers (an API key, say). */
  headers?: Record<string, string>;
  /** The page's address, against which a relative `endpoint` resolves. Default: the page's. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
/**
 * A page's envelope. Its comments are not parsed here: the element checks every comment of a page that
 * is not already checked, drops and counts a malformed one, so one bad comment never hides the others.
 */
const Envelope = z.object({
  comments: uncheckedArray(),
  total: z.optional(z.number()),
  cursor: z.optional(z.nullable(z.string())),
  features: z.optional(
    z.object({
      likes: z.optional(z.boolean()),
      editableFor: z.optional(count()),
      bodyFormat: z.optional(oneOf('text', 'markdown', 'html')),
      notify: z.optional(z.boolean()),
    }),
  ),
});
const Created = z.object({ comment: CommentSchema, token: z.optional(z.string()) });
const Updated = z.object({ comment: CommentSchema });
const Liked = z.object({ likes: count() });
type Features = NonNullable<z.infer<typeof Envelope>['features']>;

/** What a server's `features` allow, over the site's own settings. */
const withFeatures = (base: Capabilities, f: Features): Capabilities => ({
  ...base,
  ...(f.likes !== undefined ? { likes: f.likes } : {}),
  ...(f.editableFor ? { edit: { editableFor: f.editableFor }, delete: { editableFor: f.editableFor } } : {}),
  ...(f.bodyFormat ? { bodyFormat: f.bodyFormat } : {}),
  ...(f.notify !== undefined ? { notify: f.notify } : {}),
});
const CountsBody = z.object({ counts: recordOf(count()) });

/** Turns a non-2xx answer into the error it describes (its own message when it gave one). */
async function failure(response: Response, url: string): Promise<CommentThreadError> {
  let body: unknown;
  try {
    body = await readJson(response, url);
  } catch {
    return httpError(response, url);
  }
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return httpError(response, url);
  const { code, message } = parsed.data.error;
  const refused = response.status < 500;
  return new CommentThreadError(refused ? 'rejected' : 'http', `${url} answered ${response.status} ${code}: ${message}`, {
    status: response.status,
    reason: code,
    url,
    ...(refused && message ? { serverMessage: message } : {}),
  });
}

export function rest(options: RestOptions): CommentAdapter {
  const commentsUrl = (postId: string) =>
    resolveUrl(options.endpoint, `posts/${encodeURIComponent(postId)}/comments`, options.baseUrl);
  const common = { headers: options.headers ?? {}, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const base = readWrite(options.capabilities);
  // A new object only when the server's features change it: the element re-renders on a new one.
  let capabilities = base;
  let seen = '';
  const key = `rest:${resolveUrl(options.endpoint, '', options.baseUrl).href}`;
  const tokens = (postId: string) => ownTokens(key, postId);
  const commentUrl = (postId: string, id: string, tail = '') =>
    resolveUrl(options.endpoint, `posts/${encodeURIComponent(postId)}/comments/${encodeURIComponent(id)}${tail}`, options.baseUrl).href;
  /** The author's token for `id`, or the refusal the server would give without one. */
  const tokenFor = (id: string, postId: string) => {
    const token = tokens(postId).get(id);
    if (!token) throw new CommentThreadError('rejected', 'No token for this comment: it is not the visitor\'s, or its window closed.', { status: 403, reason: 'not-allowed' });
    return { ...common.headers, Authorization: `Bearer ${token}` };
  };
  const likes = async (id: string, { postId, signal }: ActionOptions, method: 'POST' | 'DELETE') => {
    const url = commentUrl(postId, id, '/like');
    const response = await request(url, { ...common, method, signal });
    if (!response.ok) throw await failure(response, url);
    return parse(Liked, await readJson(response, url), url).likes;
  };
  return {
    get capabilities() {
      return capabilities;
    },
    key,

    async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
      const url = commentsUrl(postId);
      url.searchParams.set('order', order);
      if (cursor) url.searchParams.set('cursor', cursor);
      const pending = request(url.href, { ...common, signal });
      // Comments the visitor holds a token for are theirs to change: the tokens read once, not once a
      // comment, and while the request is out (a page's first storage read takes a few milliseconds).
      const own = tokens(postId).ids();
      const response = await pending;
      if (!response.ok) throw await failure(response, url.href);
      const { features, ...envelope } = parse(Envelope, await readJsonPage(response, url.href), url.href);
      if (features && JSON.stringify(features) !== seen) {
        seen = JSON.stringify(features);
        capabilities = withFeatures(base, features);
      }
      // Unchecked: the element validates each comment of a page no adapter has checked (see Envelope).
      const comments = own.size
        ? envelope.comments.map((c) =>
            typeof c === 'object' && c !== null && typeof (c as Comment).id === 'string' && own.has((c as Comment).id) ? { ...c, own: true } : c,
          )
        : envelope.comments;
      return { ...envelope, comments: comments as Comment[] };
    },

    async count(postIds: readonly string[], { signal }: CountOptions): Promise<Counts> {
      const url = resolveUrl(options.endpoint, 'counts', options.baseUrl);
      // Each id percent-encoded, so a comma inside one cannot split it.
      url.search = `posts=${postIds.map(encodeURIComponent).join(',')}`;
      const response = await request(url.href, { ...common, signal });
      if (!response.ok) throw await failure(response, url.href);
      return parse(CountsBody, await readJson(response, url.href), url.href).counts;
    },

    async submit(draft: Draft, { signal, idempotencyKey }: SubmitOptions): Promise<Comment> {
      const url = commentsUrl(draft.postId).href;
      const response = await request(url, {
        ...common,
        headers: idempotencyKey ? { ...common.headers, 'Idempotency-Key': idempotencyKey } : common.headers,
        method: 'POST',
        signal,
        json: { parentId: draft.parentId, content: draft.content, author: draft.author, ...(draft.notify ? { notify: true } : {}) },
      });
      if (!response.ok) throw await failure(response, url);
      const { comment, token } = parse(Created, await readJson(response, url), url);
      const window = capabilities.edit?.editableFor;
      if (!token || typeof window !== 'number') return comment;
      tokens(draft.postId).set(comment.id, token, Date.parse(comment.createdAt) + window * 1000);
      return { ...comment, own: true };
    },

    like: (id, options) => likes(id, options, 'POST'),
    unlike: (id, options) => likes(id, options, 'DELETE'),

    async update(id: string, draft: Draft, { postId, signal }: ActionOptions): Promise<Comment> {
      const url = commentUrl(postId, id);
      const response = await request(url, { ...common, headers: tokenFor(id, postId), method: 'PATCH', signal, json: { content: draft.content } });
      if (!response.ok) throw await failure(response, url);
      return { ...parse(Updated, await readJson(response, url), url).comment, own: true };
    },

    async remove(id: string, { postId, signal }: ActionOptions): Promise<void> {
      const url = commentUrl(postId, id);
      const response = await request(url, { ...common, headers: tokenFor(id, postId), method: 'DELETE', signal });
      if (!response.ok) throw await failure(response, url);
      tokens(postId).delete(id);
    },
  };
}

/** `backend="rest" endpoint="…"`. */
export const backend: BackendFactory = ({ endpoint, baseUrl }) =>
  rest({ endpoint: endpoint ?? '', ...(baseUrl ? { baseUrl } : {}) });
