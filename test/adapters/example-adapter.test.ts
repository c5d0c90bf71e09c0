// docs/adapters.md's worked example, run as printed: a Cusdis adapter in under 50 lines.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { backendLoader } from '../../src/adapters/registry.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { cusdis } from '../../docs/examples/cusdis-adapter.js';
import { json } from '../fixtures/backends/index.js';
import { article, fill, loaded, part, submit } from '../helpers.js';
import { recording, rejection, signal } from './stub.js';

// Cusdis's GET /api/open/comments answer (service/comment.service.ts getComments): newest first, replies nested.
const item = (id: string, name: string, at: string, text: string, replies: unknown[] = [], moderatorId: string | null = null) => ({
  id, createdAt: at, content: text, by_nickname: name, moderatorId, moderator: moderatorId ? { displayName: name } : null,
  parsedContent: `<p>${text}</p>\n`, parsedCreatedAt: at.slice(0, 16).replace('T', ' '), page: { slug: '/post/' },
  replies: { data: replies, commentCount: replies.length, pageSize: 100, pageCount: 1 },
});
const page1 = { data: { commentCount: 3, pageSize: 10, pageCount: 2, data: [
  item('c5', 'christopher sims', '2013-04-15T17:10:00.000Z', 'Are there any groups?', [item('c6', 'Sarah Anderson', '2013-04-16T02:08:00.000Z', 'Yes.', [], 'owner')]),
] } };
const page2 = { data: { commentCount: 3, pageSize: 10, pageCount: 2, data: [item('c1', 'Michelle', '2012-01-20T20:30:00.000Z', 'Very interesting post!')] } };

function cusdisServer() {
  return recording((url, init) => {
    if (init.method === 'POST') {
      const body = JSON.parse(init.body as string) as { content: string; nickname: string; parentId?: string };
      // POST answers the stored row: markdown `content`, not approved.
      return json({ data: { id: 'c9', createdAt: '2024-05-01T10:00:00.000Z', content: body.content, by_nickname: body.nickname, by_email: 'x@example.org', parentId: body.parentId ?? null, approved: false, pageId: 'p1', moderatorId: null } });
    }
    return json(url.searchParams.get('page') === '2' ? page2 : page1);
  });
}

describe('docs/adapters.md example: a Cusdis adapter', () => {
  it('lists nested replies with real parents and pages by page number', async () => {
    const { calls, fetch } = cusdisServer();
    const original = globalThis.fetch;
    globalThis.fetch = fetch;
    try {
      const adapter = cusdis({ endpoint: 'https://cusdis.example', appId: 'app-1' });
      const first = await adapter.list({ postId: '/post/', order: 'newest', signal });
      expect(calls[0]!.url.href).to.equal('https://cusdis.example/api/open/comments?appId=app-1&pageId=%2Fpost%2F&page=1');
      expect(first.comments.map((c) => [c.id, c.parentId, c.author.isPostAuthor ?? false])).to.deep.equal([['c5', null, false], ['c6', 'c5', true]]);
      expect(first.cursor).to.equal('2');
      const second = await adapter.list({ postId: '/post/', order: 'newest', signal, cursor: first.cursor! });
      expect(second.comments.map((c) => c.id)).to.deep.equal(['c1']);
      expect(second.cursor).to.equal(null);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('renders through the element and posts a reply held for approval, its markdown shown as text', async () => {
    const { calls, fetch } = cusdisServer();
    const original = globalThis.fetch;
    globalThis.fetch = fetch;
    try {
      const el = await fixture<CommentThread>(html`<comment-thread loading="eager" min-fill-time="0" post-id="/post/" .adapter=${cusdis({ appId: 'app-1' })}></comment-thread>`);
      await loaded(el);
      article(el, 'c5')!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
      await el.updateComplete;
      const form = article(el, 'c5')!.closest('li')!.querySelector<HTMLFormElement>('form')!;
      fill(form, { content: 'Thanks **a lot**', name: 'Michelle', email: 'michelle@example.org' });
      const submitted = oneEvent(el, 'comment-submitted');
      submit(form);
      const { detail } = await submitted;
      expect(calls.at(-1)!.body).to.deep.equal({ appId: 'app-1', pageId: '/post/', content: 'Thanks **a lot**', nickname: 'Michelle', email: 'michelle@example.org', parentId: 'c5' });
      expect(detail.comment).to.include({ parentId: 'c5', status: 'pending' });
      await el.updateComplete;
      expect(article(el, 'c9')!.querySelector('[part~="body"]')!.textContent!.trim()).to.equal('Thanks **a lot**');
      expect(part(el, 'moderation')).to.not.equal(null);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('fails with a CommentThreadError for a deleted project, and registers backend="cusdis"', async () => {
    const adapter = cusdis({ appId: 'gone' });
    const original = globalThis.fetch;
    globalThis.fetch = async () => json({ data: { commentCount: 0, data: [], pageCount: 0, pageSize: 10 } }, 404);
    try {
      expect(await rejection(adapter.list({ postId: '/post/', order: 'oldest', signal }))).to.include({ code: 'rejected', status: 404 });
    } finally {
      globalThis.fetch = original;
    }
    expect(backendLoader('cusdis')).to.be.a('function');
  });
});
