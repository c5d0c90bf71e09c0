/**
 * A JSON file of comments, read by the static JSON backend and by the memory backend's seed. The format:
 *
 *   [ comment, … ]                            a bare array of comments, or
 *   { "comments": [ comment, … ], "total": n }  a page (`total` optional: the visible count otherwise)
 *
 * Each comment has the model's shape (`id`, `parentId`, `author`, `createdAt`, `body`, …: the REST
 * protocol's, docs/rest-protocol.md) in one flat list where each names its `parentId`. `status` may be
 * left out and means `approved`; a `pending` entry is never shown to readers (a file has no author to
 * show it to). The file's shape is checked once, when it is read; its comments are checked by the
 * element, which leaves out and counts a malformed one instead of failing the file.
 */
import * as z from 'zod/mini';
import { anything, type Comment } from '../model/schemas.js';
import { absoluteUrl, httpError, parse, readJson, request } from './http.js';

const Entries = z.array(anything());
const FilePage = z.object({ comments: Entries, total: z.optional(z.number()) });

/** A file's comments as the element will see them, and the total it claims, if any. */
export interface CommentsFile {
  comments: Comment[];
  total?: number;
}

/** The entries readers may see: `status` defaulting to `approved`, `pending` ones left out. Anything
 * else is passed on as it is, for the element to reject and count. */
export function visibleEntries(entries: readonly unknown[]): Comment[] {
  const visible: unknown[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) visible.push(entry);
    else if (!('status' in entry) || entry.status === undefined) visible.push({ ...entry, status: 'approved' });
    else if (entry.status !== 'pending') visible.push(entry);
  }
  // Unchecked: the element validates every comment of a page no adapter has checked.
  return visible as Comment[];
}

/** Fetches `url` (`{postId}` replaced, resolved against `baseUrl`) and checks the file's shape. */
export async function readCommentsFile(
  url: string,
  postId: string,
  signal: AbortSignal,
  options: { fetch?: typeof globalThis.fetch | undefined; baseUrl?: string | undefined } = {},
): Promise<CommentsFile> {
  const href = absoluteUrl(url.replaceAll('{postId}', encodeURIComponent(postId)), options.baseUrl).href;
  const response = await request(href, { signal, ...(options.fetch ? { fetch: options.fetch } : {}) });
  if (!response.ok) throw httpError(response, href);
  const data = await readJson(response, href);
  const file: z.infer<typeof FilePage> = Array.isArray(data) ? { comments: data as unknown[] } : parse(FilePage, data, href);
  const comments = visibleEntries(file.comments);
  return file.total === undefined ? { comments } : { comments, total: file.total };
}
