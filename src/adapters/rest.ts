/**
 * The generic adapter: a small JSON protocol any server can speak (documented in docs/rest-protocol.md).
 *   GET  {endpoint}/posts/{postId}/comments?order=oldest|newest[&cursor=…] → 200 Page
 *   POST {endpoint}/posts/{postId}/comments  { parentId, content, author } → 201 { comment }
 *        with `Idempotency-Key: …`, the same for every try of one draft (the server answers a known key
 *        with the comment it created then, and creates nothing)
 *   GET  {endpoint}/counts?posts=a,b,c → 200 { counts: { a: 3, … } }
 *   errors: any 4xx/5xx with { error: { code, message } }
 */
import * as z from 'zod/mini';
import type { Draft } from '../model/draft.js';
import { CommentSchema, recordOf, type Comment, type Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { httpError, parse, readJson, request, resolveUrl } from './http.js';
import { readJsonPage } from './json-page.js';
import {
  readWrite,
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
  comments: z.array(z.unknown()),
  total: z.optional(z.number()),
  cursor: z.optional(z.nullable(z.string())),
});
const Created = z.object({ comment: CommentSchema });
const CountsBody = z.object({ counts: recordOf(z.int().check(z.minimum(0))) });

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
  return {
    capabilities: readWrite(options.capabilities),
    key: `rest:${resolveUrl(options.endpoint, '', options.baseUrl).href}`,

    async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
      const url = commentsUrl(postId);
      url.searchParams.set('order', order);
      if (cursor) url.searchParams.set('cursor', cursor);
      const response = await request(url.href, { ...common, signal });
      if (!response.ok) throw await failure(response, url.href);
      const envelope = parse(Envelope, await readJsonPage(response, url.href), url.href);
      // Unchecked: the element validates each comment of a page no adapter has checked (see Envelope).
      return { ...envelope, comments: envelope.comments as Comment[] };
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
        json: { parentId: draft.parentId, content: draft.content, author: draft.author },
      });
      if (!response.ok) throw await failure(response, url);
      return parse(Created, await readJson(response, url), url).comment;
    },
  };
}

/** `backend="rest" endpoint="…"`. */
export const backend: BackendFactory = ({ endpoint, baseUrl }) =>
  rest({ endpoint: endpoint ?? '', ...(baseUrl ? { baseUrl } : {}) });
