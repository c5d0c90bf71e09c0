/**
 * Read-only comments from a static JSON file (an export, a build step's output): either a Page
 * `{ comments, total? }` or a bare array of comments. `{postId}` in the URL is replaced by the post id.
 */
import * as z from 'zod/mini';
import { CommentSchema, PageSchema, type Page } from '../model/schemas.js';
import { absoluteUrl, httpError, parse, readJson, request } from './http.js';
import type { BackendFactory, CommentAdapter, ListQuery } from './types.js';

export interface StaticJsonOptions {
  url: string;
  fetch?: typeof fetch;
}

const FileSchema = z.union([PageSchema, z.array(CommentSchema)]);

export function staticJson(options: StaticJsonOptions): CommentAdapter {
  return {
    capabilities: { post: false, reply: false, fields: { email: 'hidden', url: false } },
    key: `json:${options.url}`,
    async list({ postId, signal }: ListQuery): Promise<Page> {
      const url = absoluteUrl(options.url.replaceAll('{postId}', encodeURIComponent(postId))).href;
      const response = await request(url, { signal, ...(options.fetch ? { fetch: options.fetch } : {}) });
      if (!response.ok) throw httpError(response, url);
      const data = parse(FileSchema, await readJson(response, url), url);
      return Array.isArray(data) ? { comments: data, total: data.length, cursor: null } : { ...data, cursor: null };
    },
  };
}

/** `backend="json" endpoint="/comments/{postId}.json"`. */
export const backend: BackendFactory = ({ endpoint }) => staticJson({ url: endpoint ?? '' });
