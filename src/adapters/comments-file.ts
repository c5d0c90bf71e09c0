/** Reading a JSON file of comments, shared by the static-JSON adapter and the memory adapter's seed. */
import * as z from 'zod/mini';
import { CommentSchema, PageSchema, type Page } from '../model/schemas.js';
import { absoluteUrl, httpError, parse, readJson, request } from './http.js';

const CommentsSchema = z.array(CommentSchema);

/** Fetches `url` (`{postId}` replaced) and reads a Page `{ comments, total? }` or a bare array of comments. */
export async function readCommentsFile(
  url: string,
  postId: string,
  signal: AbortSignal,
  fetch?: typeof globalThis.fetch,
): Promise<Page> {
  const href = absoluteUrl(url.replaceAll('{postId}', encodeURIComponent(postId))).href;
  const response = await request(href, { signal, ...(fetch ? { fetch } : {}) });
  if (!response.ok) throw httpError(response, href);
  const data = await readJson(response, href);
  if (!Array.isArray(data)) return { ...parse(PageSchema, data, href), cursor: null };
  const comments = parse(CommentsSchema, data, href);
  return { comments, total: comments.length, cursor: null };
}
