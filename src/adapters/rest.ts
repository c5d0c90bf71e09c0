/**
 * The generic adapter: a small JSON protocol any server can speak (documented in the README).
 *   GET  {endpoint}/posts/{postId}/comments?order=oldest|newest[&cursor=…] → 200 Page
 *   POST {endpoint}/posts/{postId}/comments  { parentId, content, author } → 201 { comment }
 *   errors: any 4xx/5xx with { error: { code, message } }
 */
import * as z from 'zod/mini';
import type { Draft } from '../model/draft.js';
import { checkedPages, CommentSchema, type Comment, type Page } from '../model/schemas.js';
import { CommentThreadError } from '../model/errors.js';
import { httpError, parse, readJson, request, resolveUrl } from './http.js';
import { nextTask } from '../tasks.js';
import { readJsonPage } from './json-page.js';
import {
  readWrite,
  type BackendFactory,
  type Capabilities,
  type CommentAdapter,
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
  fetch?: typeof fetch;
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
/** A page's envelope; its comments are parsed below, in slices. */
const Envelope = z.object({
  comments: z.array(z.unknown()),
  total: z.optional(z.number()),
  cursor: z.optional(z.nullable(z.string())),
});
/**
 * Milliseconds of parsing per task: a page of 20,000 comments parsed at once is a task of a quarter of a
 * second, more than a second without zod's JIT (as under a strict Content-Security-Policy).
 */
const SLICE_MS = 8;

/** Every comment of a page, parsed in slices with a new task between them; the first bad one fails the page. */
async function parseComments(items: readonly unknown[], url: string): Promise<Comment[]> {
  const comments: Comment[] = [];
  // A big page yields at once, so its first slice is not added to the task that parsed the JSON.
  let deadline = items.length > 100 ? 0 : performance.now() + SLICE_MS;
  for (let i = 0; i < items.length; i++) {
    // The clock is read every 16 comments: reading it is not free either.
    if ((i & 15) === 0 && performance.now() > deadline) {
      await nextTask();
      deadline = performance.now() + SLICE_MS;
    }
    const result = CommentSchema.safeParse(items[i]);
    if (result.success) comments.push(result.data);
    else {
      const issue = result.error.issues[0];
      const where = ['comments', i, ...(issue?.path ?? [])].join('.');
      throw new CommentThreadError(
        'invalid-response',
        `Unexpected answer from ${url} at ${where}: ${issue?.message ?? 'invalid data'}.`,
        {
          url,
          cause: result.error,
        },
      );
    }
  }
  return comments;
}
const Created = z.object({ comment: CommentSchema });

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
  return new CommentThreadError(response.status >= 500 ? 'http' : 'rejected', message, {
    status: response.status,
    reason: code,
    url,
  });
}

export function rest(options: RestOptions): CommentAdapter {
  const commentsUrl = (postId: string) => resolveUrl(options.endpoint, `posts/${encodeURIComponent(postId)}/comments`);
  const common = { headers: options.headers ?? {}, ...(options.fetch ? { fetch: options.fetch } : {}) };
  return {
    capabilities: readWrite(options.capabilities),
    key: `rest:${resolveUrl(options.endpoint).href}`,

    async list({ postId, cursor, order, signal }: ListQuery): Promise<Page> {
      const url = commentsUrl(postId);
      url.searchParams.set('order', order);
      if (cursor) url.searchParams.set('cursor', cursor);
      const response = await request(url.href, { ...common, signal });
      if (!response.ok) throw await failure(response, url.href);
      const envelope = parse(Envelope, await readJsonPage(response, url.href), url.href);
      const page: Page = { ...envelope, comments: await parseComments(envelope.comments, url.href) };
      checkedPages.add(page);
      return page;
    },

    async submit(draft: Draft, { signal }: SubmitOptions): Promise<Comment> {
      const url = commentsUrl(draft.postId).href;
      const response = await request(url, {
        ...common,
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
export const backend: BackendFactory = ({ endpoint }) => rest({ endpoint: endpoint ?? '' });
