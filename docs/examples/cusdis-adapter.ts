// docs/adapters.md's example: Cusdis (djyde/cusdis pages/api/open/comments.ts). test/adapters/example-adapter.test.ts runs it.
import * as z from 'zod/mini';
import { CommentThreadError, parse, readJson, request, registerBackend } from 'comment-thread';
import type { BackendFactory, Comment, CommentAdapter, RequestOptions } from 'comment-thread';

// 1. The backend's own shapes, as zod schemas: nested replies, rendered HTML in `parsedContent`.
interface Item { id: string; createdAt: string; parsedContent: string; by_nickname: string; moderatorId: string | null; replies: { data: Item[] } }
const Item: z.ZodMiniType<Item> = z.object({
  id: z.string(), createdAt: z.string(), parsedContent: z.string(), by_nickname: z.string(), moderatorId: z.nullable(z.string()),
  get replies() { return z.object({ data: z.array(Item) }); },
});
const List = z.object({ data: z.object({ pageCount: z.number(), data: z.array(Item) }) });
const Created = z.object({ data: z.object({ id: z.string(), createdAt: z.string(), content: z.string(), by_nickname: z.string(), parentId: z.nullable(z.string()) }) });

// 2. One round trip: any failure becomes a CommentThreadError the element shows and events.
async function call<T extends z.core.$ZodType>(url: string, schema: T, init: RequestOptions): Promise<z.infer<T>> {
  const response = await request(url, init);
  if (!response.ok) throw new CommentThreadError(response.status === 404 ? 'rejected' : 'http', `Cusdis answered ${response.status}.`, { status: response.status, url });
  return parse(schema, await readJson(response, url), url);
}

// 3. The adapter: map to the model, flat with parent ids; the element builds the tree.
export function cusdis({ endpoint = 'https://cusdis.com', appId }: { endpoint?: string; appId: string }): CommentAdapter {
  const api = `${endpoint}/api/open/comments`;
  return {
    capabilities: { post: true, reply: true, fields: { name: 'required', email: 'optional', url: false } },
    async list({ postId, cursor, signal }) {
      const page = Number(cursor ?? 1);
      const { data } = await call(`${api}?${new URLSearchParams({ appId, pageId: postId, page: String(page) })}`, List, { signal });
      const comments: Comment[] = [];
      const walk = (items: Item[], parentId: string | null): void => items.forEach((c) => {
        comments.push({ id: c.id, parentId, author: { name: c.by_nickname, ...(c.moderatorId ? { isPostAuthor: true } : {}) },
          createdAt: c.createdAt, body: { format: 'html', value: c.parsedContent }, status: 'approved' });
        walk(c.replies.data, c.id);
      });
      walk(data.data, null);
      return { comments, cursor: page < data.pageCount ? String(page + 1) : null };
    },
    async submit(draft, { signal }) {
      const json = { appId, pageId: draft.postId, content: draft.content, nickname: draft.author.name, email: draft.author.email, parentId: draft.parentId ?? undefined };
      const { data } = await call(api, Created, { method: 'POST', json, signal });
      // Cusdis holds every new comment for approval and answers with its markdown source: show it as text.
      return { id: data.id, parentId: data.parentId, author: { name: data.by_nickname }, createdAt: data.createdAt, body: { format: 'text', value: data.content }, status: 'pending' };
    },
  };
}
// 4. Optional: a name for the `backend` attribute. <comment-thread backend="cusdis" endpoint="…?app=ID" post-id="…">
export const backend: BackendFactory = ({ endpoint = '' }) => cusdis({ endpoint: endpoint.replace(/\?.*$/, ''), appId: new URL(endpoint, location.href).searchParams.get('app') ?? '' });
registerBackend('cusdis', async () => backend);
