// Isso's likes (votes), and editing and deleting one's own comment within Isso's window, by answers in
// Isso's own shapes (isso-comments/isso isso/views/comments.py): `POST /id/:id/like` → `{ likes, dislikes }`;
// `PUT /id/:id` → the comment with API.FIELDS, its text rendered again; `DELETE /id/:id` → null, or the
// comment kept as mode 4 when it has replies; a refused cookie is werkzeug's 403 page. The window is the
// comment's `created` plus `max-age`, so the tests set `created` rather than wait.
import { expect, fixture, html as lit } from '@open-wc/testing';
import { isso } from '../../src/adapters/isso.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { json, loadFixture, type RawJson } from '../fixtures/backends/index.js';
import { article, loaded, part, until } from '../helpers.js';
import { html, rejection, signal } from './stub.js';

const endpoint = 'https://comments.example.org';
const uri = '/2012/01/model-page/';
const options = { postId: uri, signal };
const draft = { postId: uri, parentId: null, content: 'Frist!', author: { name: 'Ann', email: '' } };

interface Sent {
  method: string;
  path: string;
  body: RawJson;
  credentials: RequestCredentials | undefined;
}

/** werkzeug's error page, as Isso sends its Forbidden. */
const forbidden = () =>
  html('<!doctype html>\n<html lang=en>\n<title>403 Forbidden</title>\n<h1>Forbidden</h1>\n<p>You don&#x27;t have the permission to access the requested resource.</p>\n', 403);

/** An Isso holding the fixture thread; a comment posted gets `created` = `createdAt()` (seconds). */
function issoServer(createdAt = () => Date.now() / 1000) {
  const sent: Sent[] = [];
  let thread: RawJson;
  let next = 8;
  const posted = new Map<number, RawJson>();
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    thread ??= await loadFixture('isso/fetch.json');
    const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
    const method = init.method ?? 'GET';
    const body: RawJson = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ method, path: url.pathname, body, credentials: init.credentials });
    if (method === 'GET' && url.pathname === '/') return json(thread);
    if (method === 'POST' && url.pathname === '/new') {
      const comment = {
        id: next++, parent: body.parent, text: `<p>${body.text}</p>`, author: body.author, website: null, mode: 1,
        created: createdAt(), modified: null, likes: 0, dislikes: 0, hash: '1cb6cc0309a2', notification: body.notification ?? 0,
      };
      posted.set(comment.id, comment);
      thread.replies.push({ ...comment, total_replies: 0, hidden_replies: 0, replies: [] });
      thread.total_replies++;
      // Isso sets the cookie proving authorship on its own domain (not readable here), and says so in X-Set-Cookie.
      return json(comment, 201, { 'X-Set-Cookie': `isso-${comment.id}=signed; Max-Age=900; Path=/` });
    }
    const like = /^\/id\/(\d+)\/like$/.exec(url.pathname);
    if (method === 'POST' && like) return json({ likes: 4, dislikes: 0 });
    const one = /^\/id\/(\d+)$/.exec(url.pathname);
    const comment = one && posted.get(Number(one[1]));
    if (!comment) return forbidden();
    if (method === 'PUT') {
      Object.assign(comment, { text: `<p>${body.text.replace(/\*(\w+)\*/, '<em>$1</em>')}</p>`, modified: comment.created + 60 });
      return json(comment);
    }
    if (method === 'DELETE') {
      posted.delete(comment.id);
      thread.replies = thread.replies.filter((c: RawJson) => c.id !== comment.id);
      return json(null);
    }
    return forbidden();
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

beforeEach(() => localStorage.clear());

describe('isso adapter: votes, and changing one’s own comment in its window (fixtures)', () => {
  it('likes with POST /id/:id/like and takes the count Isso answers; it has no unlike', async () => {
    const { sent, fetch } = issoServer();
    const adapter = isso({ endpoint, fetch });
    expect(adapter.capabilities.likes).to.equal(true);
    expect(await adapter.like!('1', options)).to.equal(4);
    expect(sent.at(-1)).to.deep.include({ method: 'POST', path: '/id/1/like' });
    expect('unlike' in adapter).to.equal(false);
  });

  it('marks a comment posted here as the visitor’s while Isso’s window is open, and not once it closed', async () => {
    const { fetch } = issoServer();
    const adapter = isso({ endpoint, fetch });
    const posted = await adapter.submit!(draft, { signal });
    expect(posted.own).to.equal(true);
    const { comments } = await adapter.list({ postId: uri, order: 'oldest', signal });
    expect(comments.filter((c) => c.own).map((c) => c.id)).to.deep.equal([posted.id]);
    expect(adapter.capabilities.edit).to.deep.equal({ editableFor: 900 });

    // Posted 16 minutes ago by Isso's clock: its cookie (max-age 900 s) is gone, and so is Edit.
    localStorage.clear();
    const late = issoServer(() => Date.now() / 1000 - 960);
    const old = isso({ endpoint, fetch: late.fetch });
    const stale = await old.submit!(draft, { signal });
    expect((await old.list({ postId: uri, order: 'oldest', signal })).comments.find((c) => c.id === stale.id)!.own).to.equal(undefined);
  });

  it('edits with PUT /id/:id and the cookie (credentials included), the answer rendered by Isso', async () => {
    const { sent, fetch } = issoServer();
    const adapter = isso({ endpoint, fetch });
    const posted = await adapter.submit!(draft, { signal });
    const edited = await adapter.update!(posted.id, { ...draft, content: 'First, *fixed*.' }, options);
    const put = sent.find((s) => s.method === 'PUT')!;
    expect(put).to.deep.include({ path: `/id/${posted.id}`, credentials: 'include' });
    expect(put.body).to.deep.equal({ text: 'First, *fixed*.' });
    expect(edited).to.deep.include({ id: posted.id, own: true });
    expect(edited.body.value).to.equal('<p>First, <em>fixed</em>.</p>');
  });

  it('deletes with DELETE /id/:id and the cookie, and forgets the comment was the visitor’s', async () => {
    const { sent, fetch } = issoServer();
    const adapter = isso({ endpoint, fetch });
    const posted = await adapter.submit!(draft, { signal });
    await adapter.remove!(posted.id, options);
    expect(sent.at(-1)).to.deep.include({ method: 'DELETE', path: `/id/${posted.id}`, credentials: 'include' });
    const { comments } = await adapter.list({ postId: uri, order: 'oldest', signal });
    expect(comments.map((c) => c.id)).not.to.include(posted.id);
  });

  it('says Isso refused when its cookie did not come (third-party cookies blocked, or the window closed)', async () => {
    const { fetch } = issoServer();
    const adapter = isso({ endpoint, fetch });
    const error = await rejection(adapter.update!('1', { ...draft, content: 'Not mine.' }, options));
    expect(error).to.include({ code: 'rejected', status: 403, reason: 'forbidden' });
    const deletion = await rejection(adapter.remove!('1', options));
    expect(deletion).to.include({ code: 'rejected', status: 403 });
  });

  it('likes, edits and deletes in <comment-thread> through the Isso adapter', async () => {
    const { sent, fetch } = issoServer();
    const adapter = isso({ endpoint, fetch });
    const posted = await adapter.submit!(draft, { signal });
    const el = await fixture<CommentThread>(lit`<comment-thread loading="eager" .adapter=${adapter} post-id=${uri}></comment-thread>`);
    await loaded(el);
    const edit = () => article(el, posted.id)!.querySelector<HTMLButtonElement>('[part~="edit-button"]');
    await until(edit, 'the visitor’s comment offered no Edit');
    expect(article(el, '1')!.querySelector('[part~="edit-button"]')).to.equal(null);

    article(el, '1')!.querySelector<HTMLButtonElement>('[part~="like-button"]')!.click();
    await until(() => article(el, '1')!.querySelector('[part~="like-button"]')!.textContent === 'Like 4', 'Isso’s count was not shown');

    edit()!.click();
    await until(() => part(el, 'edit-form'), 'the edit form did not open');
    const field = part(el, 'edit-form')!.querySelector('textarea')!;
    field.value = 'First, *fixed*.';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    part<HTMLFormElement>(el, 'edit-form')!.requestSubmit();
    await until(() => article(el, posted.id)!.querySelector('[part~="body"] em'), 'the edit was not shown');

    article(el, posted.id)!.querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
    await until(() => part(el, 'confirm-delete-button'), 'the question was not asked');
    part<HTMLButtonElement>(el, 'confirm-delete-button')!.click();
    await until(() => article(el, posted.id) === null, 'the comment stayed');
    expect(sent.filter((s) => s.method !== 'GET').map((s) => `${s.method} ${s.path}`)).to.deep.equal([
      'POST /new',
      'POST /id/1/like',
      `PUT /id/${posted.id}`,
      `DELETE /id/${posted.id}`,
    ]);
  });
});
