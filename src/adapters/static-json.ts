/**
 * Read-only comments from a static JSON file (an export, a build step's output): either a Page
 * `{ comments, total? }` or a bare array of comments. `{postId}` in the URL is replaced by the post id.
 */
import type { Page } from '../model/schemas.js';
import { readCommentsFile } from './comments-file.js';
import type { BackendFactory, CommentAdapter, ListQuery } from './types.js';

export interface StaticJsonOptions {
  url: string;
  fetch?: typeof fetch;
}

export function staticJson(options: StaticJsonOptions): CommentAdapter {
  return {
    capabilities: { post: false, reply: false, fields: { email: 'hidden', url: false } },
    key: `json:${options.url}`,
    list: ({ postId, signal }: ListQuery): Promise<Page> => readCommentsFile(options.url, postId, signal, options.fetch),
  };
}

/** `backend="json" endpoint="/comments/{postId}.json"`. */
export const backend: BackendFactory = ({ endpoint }) => staticJson({ url: endpoint ?? '' });
