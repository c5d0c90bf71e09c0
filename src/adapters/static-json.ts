/**
 * Read-only comments from a static JSON file (an export, a build step's output): the format is described
 * in comments-file.ts. `{postId}` in the URL is replaced by the post id. The whole file is one page.
 */
import type { Page } from '../model/schemas.js';
import { readCommentsFile } from './comments-file.js';
import type { BackendFactory, CommentAdapter, ListQuery } from './types.js';

export interface StaticJsonOptions {
  /** The file's URL, absolute or relative to `baseUrl`; `{postId}` is replaced by the post id. */
  url: string;
  /** The page's address, against which a relative `url` resolves. Default: the page's. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export function staticJson(options: StaticJsonOptions): CommentAdapter {
  return {
    capabilities: { post: false, reply: false, fields: { email: 'hidden', url: false } },
    key: `json:${options.url}`,
    async list({ postId, signal }: ListQuery): Promise<Page> {
      const file = await readCommentsFile(options.url, postId, signal, options);
      return { comments: file.comments, total: file.total ?? file.comments.length, cursor: null };
    },
  };
}

/** `backend="json" endpoint="/comments/{postId}.json"`. */
export const backend: BackendFactory = ({ endpoint, baseUrl }) =>
  staticJson({ url: endpoint ?? '', ...(baseUrl ? { baseUrl } : {}) });
