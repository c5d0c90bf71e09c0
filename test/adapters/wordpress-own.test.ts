// The WordPress adapter for a signed-in visitor: who it is when the page held the first page (attach),
// which comments are theirs to change under WordPress's edit_comment capability, and the edit (PATCH)
// and trash (DELETE) requests. The real WordPress answers the same in test/integration/wordpress/.
import { expect } from '@open-wc/testing';
import { wordpress } from '../../src/adapters/wordpress.js';
import type { Draft } from '../../src/model/schemas.js';
import { rejection } from './stub.js';

const SITE = 'https://blog.example';
const signal = new AbortController().signal;
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const route = (url: URL) => url.pathname.replace(/^.*\/wp-json/, '');

const SUBSCRIBER = { read: true, subscriber: true };
const AUTHOR = { read: true, author: true, edit_posts: true, edit_published_posts: true, publish_posts: true };
const ADMIN = { ...AUTHOR, administrator: true, moderate_comments: true, edit_others_posts: true };

const raw = (id: number, author: number, extra: Record<string, unknown> = {}) => ({
  id,
  parent: 0,
  author,
  author_name: `Writer ${author}`,
  date_gmt: '2013-04-15T17:10:00',
  content: { rendered: `<p>Comment ${id}</p>\n` },
  link: `${SITE}/a-post/#comment-${id}`,
  status: 'approved',
  ...extra,
});

/** A WordPress where post 42 is by user `postAuthor`, and the nonce's user is user 7 with `caps`. */
function site(caps: Record<string, boolean>, postAuthor = 1, change?: (url: URL, init: RequestInit) => Response) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : input);
    calls.push({ url, init });
    const path = route(url);
    if (path === '/wp/v2/users/me') {
      return (init.headers as Record<string, string>)['X-WP-Nonce'] === 'good'
        ? json({ id: 7, name: 'Alex &amp; Co', capabilities: caps })
        : json({ code: 'rest_cookie_invalid_nonce', message: 'Cookie check failed', data: { status: 403 } }, 403);
    }
    if (path === '/wp/v2/posts/42') return json({ id: 42, author: postAuthor, comment_status: 'open' });
    if (path === '/wp/v2/comments' && (init.method ?? 'GET') === 'GET') {
      return json([raw(1, 7), raw(2, 3), raw(3, 0)], 200, { 'X-WP-Total': '3', 'X-WP-TotalPages': '1' });
    }
    if (change && /^\/wp\/v2\/comments\/\d+$/.test(path)) return change(url, init);
    return json({ code: 'rest_no_route', message: 'No route' }, 404);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const draft = (content: string): Draft => ({ postId: '42', parentId: null, content, author: { name: '', email: '' } });
const paths = (calls: { url: URL }[]) => calls.map((c) => route(c.url));

describe('wordpress adapter: a signed-in visitor', () => {
  it('learns who is signed in on attach, with no request for comments: "Logged in as", no name or email', async () => {
    const { calls, fetch } = site(SUBSCRIBER);
    const adapter = wordpress({ endpoint: SITE, fetch, nonce: 'good' });
    await adapter.attach!({ postId: '42', order: 'oldest', signal });
    expect(paths(calls)).to.deep.equal(['/wp/v2/users/me', '/wp/v2/posts/42']);
    const me = calls[0]!;
    expect(me.url.searchParams.get('context')).to.equal('edit');
    expect(me.url.searchParams.get('_fields')).to.equal('id,name,capabilities');
    expect(me.init.credentials).to.equal('include');
    const caps = adapter.capabilities;
    expect(caps.identity).to.deep.equal({ name: 'Alex & Co' });
    expect([caps.fields.name, caps.fields.email, caps.fields.url]).to.deep.equal(['hidden', 'hidden', false]);
    // A subscriber cannot edit comments in WordPress (edit_comment needs edit_post on the post).
    expect([caps.edit, caps.delete]).to.deep.equal([undefined, undefined]);
    // Asked once: a second attach or a later action asks nothing more.
    await adapter.attach!({ postId: '42', order: 'oldest', signal });
    expect(calls.length).to.equal(2);
  });

  it('asks nothing on attach for a visitor without a nonce, and takes limited HTML from everyone', async () => {
    const { calls, fetch } = site(SUBSCRIBER);
    const adapter = wordpress({ endpoint: SITE, fetch });
    await adapter.attach!({ postId: '42', order: 'oldest', signal });
    expect(calls).to.deep.equal([]);
    expect(adapter.capabilities.identity).to.equal(undefined);
    expect(adapter.capabilities.bodyFormat).to.equal('html');
    expect(adapter.capabilities.edit).to.equal(undefined);
  });

  it('treats a nonce WordPress refuses on attach as an anonymous visitor', async () => {
    const { fetch } = site(ADMIN);
    const adapter = wordpress({ endpoint: SITE, fetch, nonce: 'stale' });
    await adapter.attach!({ postId: '42', order: 'oldest', signal });
    expect(adapter.capabilities.identity).to.equal(undefined);
    expect(adapter.capabilities.fields.email).to.equal('required');
  });

  it('offers edit and delete while signed in to the post’s author, marking only their own comments', async () => {
    const { fetch } = site(AUTHOR, 7);
    const adapter = wordpress({ endpoint: SITE, fetch, nonce: 'good' });
    const page = await adapter.list({ postId: '42', order: 'oldest', signal });
    expect(page.comments.map((c) => [c.id, c.own ?? false])).to.deep.equal([['1', true], ['2', false], ['3', false]]);
    expect(adapter.capabilities.edit).to.deep.equal({ editableFor: 'signed-in' });
    expect(adapter.capabilities.delete).to.deep.equal({ editableFor: 'signed-in' });
  });

  it('offers nothing to an author on someone else’s post, where WordPress needs edit_others_posts', async () => {
    const { fetch } = site(AUTHOR, 1);
    const adapter = wordpress({ endpoint: SITE, fetch, nonce: 'good' });
    const page = await adapter.list({ postId: '42', order: 'oldest', signal });
    expect(page.comments.some((c) => c.own)).to.equal(false);
    expect(adapter.capabilities.edit).to.equal(undefined);
  });

  it('lets a moderator change their own comments on any post', async () => {
    const { fetch } = site(ADMIN, 1);
    const adapter = wordpress({ endpoint: SITE, fetch, nonce: 'good' });
    const page = await adapter.list({ postId: '42', order: 'oldest', signal });
    expect(page.comments.filter((c) => c.own).map((c) => c.id)).to.deep.equal(['1']);
    expect(adapter.capabilities.delete).to.deep.equal({ editableFor: 'signed-in' });
  });

  it('edits with PATCH wp/v2/comments/ID as the visitor, and starts the next edit from the text as typed', async () => {
    const { calls, fetch } = site(AUTHOR, 7, () =>
      json({ ...raw(1, 7), post: 42, content: { rendered: '<p>Better <em>now</em></p>\n', raw: 'Better <em>now</em>' } }),
    );
    const adapter = wordpress({ endpoint: SITE, fetch, nonce: 'good' });
    await adapter.attach!({ postId: '42', order: 'oldest', signal });
    const comment = await adapter.update!('1', draft('Better <em>now</em>'), { postId: '42', signal });
    const sent = calls.at(-1)!;
    expect([route(sent.url), sent.init.method, sent.init.credentials]).to.deep.equal(['/wp/v2/comments/1', 'PATCH', 'include']);
    expect((sent.init.headers as Record<string, string>)['X-WP-Nonce']).to.equal('good');
    expect(JSON.parse(sent.init.body as string)).to.deep.equal({ content: 'Better <em>now</em>' });
    expect([comment.id, comment.own, comment.source, comment.body.value]).to.deep.equal(['1', true, 'Better <em>now</em>', '<p>Better <em>now</em></p>\n']);
  });

  it('trashes with DELETE wp/v2/comments/ID (no force), and reports WordPress’s refusal', async () => {
    let answer = json({ ...raw(1, 7), post: 42, status: 'trash' });
    const { calls, fetch } = site(AUTHOR, 7, () => answer);
    const adapter = wordpress({ endpoint: SITE, fetch, nonce: 'good' });
    await adapter.remove!('1', { postId: '42', signal });
    const sent = calls.at(-1)!;
    expect([route(sent.url), sent.init.method, sent.url.searchParams.has('force')]).to.deep.equal(['/wp/v2/comments/1', 'DELETE', false]);
    answer = json({ code: 'rest_cannot_delete', message: 'Sorry, you are not allowed to delete this comment.', data: { status: 403 } }, 403);
    const error = await rejection(adapter.remove!('2', { postId: '42', signal }));
    expect([error.code, error.status, error.reason]).to.deep.equal(['rejected', 403, 'rest_cannot_delete']);
  });

  it('refuses to change a comment without a nonce, before asking WordPress', async () => {
    const { calls, fetch } = site(ADMIN);
    const adapter = wordpress({ endpoint: SITE, fetch });
    const error = await rejection(adapter.update!('1', draft('x'), { postId: '42', signal }));
    expect([error.code, error.reason]).to.deep.equal(['rejected', 'login-required']);
    expect(calls.filter((c) => c.init.method === 'PATCH')).to.deep.equal([]);
  });
});
