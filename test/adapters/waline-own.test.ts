// A signed-in Waline author: who the token names (GET /api/token), their own comments marked by `user_id`,
// and editing (PUT comment/:id { comment }) and deleting (DELETE comment/:id) them with the token.
// Answers in the shapes of @waline/vercel's controller/token.js getAction (the user, from logic/base.js's
// field list), controller/comment.js formatCmt (a signed-in viewer also gets `orig`), putAction and
// deleteAction (`this.success()`), all in thinkjs's `{ errno, errmsg, data }` envelope.
import { expect } from '@open-wc/testing';
import { waline } from '../../src/adapters/waline.js';
import { json, loadFixture, type RawJson } from '../fixtures/backends/index.js';
import { recording, rejection, signal } from './stub.js';

const endpoint = 'https://waline.example.org';
const path = '/2012/01/model-page/';
const options = { postId: path, signal };
const envelope = (data: unknown) => json({ errno: 0, errmsg: '', data });

/** Sarah Anderson, registered (user 1), as GET /api/token answers for her token. */
const sarah = {
  objectId: 1,
  email: 'sarah@example.org',
  url: 'https://sarah.example.org/',
  display_name: 'Sarah Anderson',
  type: 'guest',
  avatar: 'https://seccdn.libravatar.org/avatar/98990d175aa729b88a24861e8e9ed3e3?d=mp',
  '2fa': '',
  label: null,
};

/** The fixture thread as a signed-in viewer gets it: every comment with `orig`, its Markdown. */
async function signedInList(): Promise<RawJson> {
  const list = await loadFixture('waline/comment-list.json');
  for (const root of list.data.data) {
    for (const c of [root, ...(root.children ?? [])]) c.orig = `Markdown of ${c.objectId}`;
  }
  return list;
}

function server(user: unknown = sarah) {
  return recording(async (url, init) => {
    const method = init.method ?? 'GET';
    if (url.pathname === '/api/token') return envelope(user);
    if (url.pathname === '/api/comment' && method === 'GET') return json(await signedInList());
    const edited = /^\/api\/comment\/(\d+)$/.exec(url.pathname);
    if (edited && method === 'PUT') {
      const { comment } = JSON.parse(init.body as string) as { comment: string };
      return envelope({
        objectId: Number(edited[1]),
        nick: 'Sarah Anderson',
        link: 'https://sarah.example.org/',
        avatar: sarah.avatar,
        comment: `<p>${comment.replace(/\*(\w+)\*/, '<em>$1</em>')}</p>\n`,
        orig: comment,
        status: 'approved',
        like: 0,
        sticky: false,
        pid: 1,
        rid: 1,
        user_id: 1,
        type: 'guest',
        label: null,
        time: 1327340280000,
      });
    }
    if (edited && method === 'DELETE') return json({ errno: 0, errmsg: '' });
    return json({ errno: 404, errmsg: 'not found' }, 404);
  });
}

describe('waline adapter: a signed-in author', () => {
  it('offers no edit or delete, and asks nobody who is there, without a token', async () => {
    const { calls, fetch } = server();
    const adapter = waline({ endpoint, fetch });
    const { comments } = await adapter.list({ postId: path, order: 'oldest', signal });
    expect(adapter.capabilities.edit).to.equal(undefined);
    expect(adapter.capabilities.delete).to.equal(undefined);
    expect(adapter.capabilities.identity).to.equal(undefined);
    expect(comments.some((c) => c.own)).to.equal(false);
    expect(calls.map((c) => c.url.pathname)).to.deep.equal(['/api/comment']);
  });

  it('marks the comments of the user the token names as their own, with the Markdown as written', async () => {
    const { calls, fetch } = server();
    const adapter = waline({ endpoint, fetch, token: 'jwt.sarah' });
    const { comments } = await adapter.list({ postId: path, order: 'oldest', signal });
    // Sarah's two replies (user_id 1); nobody else's.
    expect(comments.filter((c) => c.own).map((c) => c.id)).to.deep.equal(['2', '7']);
    expect(comments.find((c) => c.id === '2')!.source).to.equal('Markdown of 2');
    expect(adapter.capabilities.edit).to.deep.equal({ editableFor: 'signed-in', withReplies: true });
    expect(adapter.capabilities.delete).to.deep.equal({ editableFor: 'signed-in', withReplies: true });
    expect(adapter.capabilities.identity).to.deep.equal({ name: 'Sarah Anderson' });
    const token = calls.find((c) => c.url.pathname === '/api/token')!;
    expect(token.headers.get('Authorization')).to.equal('Bearer jwt.sarah');
    // Asked once: the next list does not ask again.
    await adapter.list({ postId: path, order: 'oldest', signal });
    expect(calls.filter((c) => c.url.pathname === '/api/token')).to.have.length(1);
  });

  it('offers nothing of the kind when the token names nobody (expired, or from another server)', async () => {
    const { fetch } = server({});
    const adapter = waline({ endpoint, fetch, token: 'jwt.stale' });
    expect(adapter.capabilities.edit, 'offered while the token is unchecked').to.exist;
    const { comments } = await adapter.list({ postId: path, order: 'oldest', signal });
    expect(comments.some((c) => c.own)).to.equal(false);
    expect(adapter.capabilities.edit).to.equal(undefined);
    expect(adapter.capabilities.delete).to.equal(undefined);
    expect(adapter.capabilities.identity).to.equal(undefined);
  });

  it('edits with PUT comment/:id { comment } and the token, and maps the comment as stored', async () => {
    const { calls, fetch } = server();
    const adapter = waline({ endpoint, fetch, token: 'jwt.sarah' });
    await adapter.list({ postId: path, order: 'oldest', signal });
    const draft = { postId: path, parentId: '1', content: 'Thank you, *Michelle*.', author: { name: 'Sarah Anderson', email: '' } };
    const comment = await adapter.update!('2', draft, options);
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url.href).to.equal(`${endpoint}/api/comment/2?lang=en`);
    expect(put.body).to.deep.equal({ comment: 'Thank you, *Michelle*.' });
    expect(put.headers.get('Authorization')).to.equal('Bearer jwt.sarah');
    expect(comment).to.deep.include({ id: '2', parentId: '1', own: true, source: 'Thank you, *Michelle*.' });
    expect(comment.body).to.deep.equal({ format: 'html', value: '<p>Thank you, <em>Michelle</em>.</p>\n' });
  });

  it('deletes with DELETE comment/:id and the token', async () => {
    const { calls, fetch } = server();
    const adapter = waline({ endpoint, fetch, token: 'jwt.sarah' });
    await adapter.remove!('2', options);
    const sent = calls.find((c) => c.method === 'DELETE')!;
    expect(sent.url.href).to.equal(`${endpoint}/api/comment/2?lang=en`);
    expect(sent.headers.get('Authorization')).to.equal('Bearer jwt.sarah');
  });

  it('reports Waline refusing an edit of someone else’s comment (403) or without a login (401)', async () => {
    const refusing = (status: number) =>
      waline({ endpoint, token: 'jwt.sarah', fetch: async () => json({ errno: status, errmsg: '' }, status) });
    const draft = { postId: path, parentId: null, content: 'Mine now.', author: { name: 'Sarah Anderson', email: '' } };
    const forbidden = await rejection(refusing(403).update!('1', draft, options));
    expect(forbidden).to.include({ code: 'rejected', status: 403 });
    const login = await rejection(refusing(401).remove!('1', options));
    expect(login).to.include({ code: 'rejected', status: 401, reason: 'login-required' });
  });
});
