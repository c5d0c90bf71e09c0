/**
 * Counts asked for in one task go to their adapter together: twenty `<comment-count>` elements of one
 * backend and endpoint make one `count()` call (and so, on most backends, one request).
 */
import { backendLoader } from '../../adapters/registry.js';
import type { CommentAdapter, Counts } from '../../adapters/types.js';

/** Where counts come from: an adapter object, or a registered backend's name and endpoint. */
export type Source = CommentAdapter | { backend: string; endpoint: string };

interface Waiting {
  ids: Set<string>;
  promise: Promise<Counts>;
}

const adapters = new Map<string, Promise<CommentAdapter>>();
const waiting = new Map<unknown, Waiting>();

function adapterOf(source: Source): Promise<CommentAdapter> {
  if ('list' in source) return Promise.resolve(source);
  const key = `${source.backend}|${source.endpoint}`;
  let adapter = adapters.get(key);
  if (!adapter) {
    const loader = backendLoader(source.backend);
    if (!loader) return Promise.reject(new Error(`No backend named "${source.backend}" is registered.`));
    adapter = loader().then((factory) =>
      factory({ postId: '', depth: 5, baseUrl: document.baseURI, ...(source.endpoint ? { endpoint: source.endpoint } : {}) }),
    );
    adapter.catch(() => adapters.delete(key));
    adapters.set(key, adapter);
  }
  return adapter;
}

/** Without `count()`, a post's count is its first page's total: a request per post. */
async function listCounts(adapter: CommentAdapter, ids: string[], signal: AbortSignal): Promise<Counts> {
  const pages = await Promise.all(ids.map((postId) => adapter.list({ postId, order: 'oldest', signal })));
  const counts: Counts = {};
  pages.forEach((page, i) => {
    const total = page.total ?? (page.cursor == null ? page.comments.length : undefined);
    if (total !== undefined) counts[ids[i]] = total;
  });
  return counts;
}

/** The comment count of `postId`; undefined when the backend does not say. */
export async function countOf(source: Source, postId: string): Promise<number | undefined> {
  const key = 'list' in source ? source : `${source.backend}|${source.endpoint}`;
  let batch = waiting.get(key);
  if (!batch) {
    const ids = new Set<string>();
    const promise = new Promise<void>((resolve) => setTimeout(resolve)).then(async () => {
      waiting.delete(key);
      const adapter = await adapterOf(source);
      const signal = new AbortController().signal;
      return adapter.count ? adapter.count([...ids], { signal }) : listCounts(adapter, [...ids], signal);
    });
    waiting.set(key, (batch = { ids, promise }));
  }
  batch.ids.add(postId);
  return (await batch.promise)[postId];
}
