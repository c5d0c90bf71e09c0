// The README's "custom adapter" example, kept here so a test runs it exactly as printed.
import * as z from 'zod/mini';
import { CommentThreadError, parse, readJson, request, type CommentAdapter } from 'comment-thread';

// The backend's own shape: validated, then mapped to the model.
const Row = z.object({ id: z.number(), reply_to: z.nullable(z.number()), who: z.string(), at: z.string(), text: z.string() });

export function guestbook(base: string): CommentAdapter {
  return {
    capabilities: { post: true, reply: true, fields: { email: 'optional', url: false } },
    async list({ postId, signal }) {
      const url = `${base}/entries?page=${encodeURIComponent(postId)}`;
      const response = await request(url, { signal });
      if (!response.ok) throw new CommentThreadError('http', `Guestbook answered ${response.status}`, { status: response.status });
      const rows = parse(z.array(Row), await readJson(response, url), url);
      const comments = rows.map((r) => ({
        id: String(r.id),
        parentId: r.reply_to === null ? null : String(r.reply_to),
        author: { name: r.who },
        createdAt: r.at,
        body: { format: 'text' as const, value: r.text },
        status: 'approved' as const,
      }));
      return { comments, cursor: null };
    },
  };
}
