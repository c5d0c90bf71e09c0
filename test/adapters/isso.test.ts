import { expect } from '@open-wc/testing';
import { isso } from '../../src/adapters/isso.js';
import { fixtureFetch, json, loadFixture } from '../fixtures/backends/index.js';
import { html, recording, rejection, signal } from './stub.js';

const endpoint = 'https://example.org/isso';
const uri = '/2012/01/model-page/';
const draft = { postId: uri, content: 'Thanks, I found the groups.', author: { name: 'Gerald Kleyer', email: 'gerald@example.org', url: 'http://gerald.example.org/' } };

function fixtures() {
  const answer = fixtureFetch('isso');
  return recording((url, init) => answer(url.href, init));
}

/** werkzeug's error page, as Isso sends it. */
const werkzeug = (status: number, title: string, reason: string) =>
  html(`<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${reason}</p>\n`, status);

describe('isso adapter', () => {
  it('nests replies two levels deep, as Isso stores them', async () => {
    const adapter = isso({ endpoint, fetch: fixtures().fetch });
    const { comments, total, cursor } = await adapter.list({ postId: uri, order: 'oldest', signal });
    // Michelle's answer to Sarah (3) is kept by Isso under the thread's root (1).
    expect(comments.map((c) => [c.id, c.parentId])).to.deep.equal([
      ['1', null],
      ['2', '1'],
      ['3', '1'],
      ['4', null],
      ['5', null],
      ['6', null],
      ['7', '6'],
    ]);
    expect(total).to.equal(7);
    expect(cursor).to.equal(null);
    expect(adapter.capabilities.maxDepth).to.equal(2);
  });

  it('turns float seconds into ISO dates and keeps the rendered HTML', async () => {
    const { comments } = await isso({ endpoint, fetch: fixtures().fetch }).list({ postId: uri, order: 'oldest', signal });
    expect(comments[0]!.createdAt).to.equal('2012-01-20T20:30:00.250Z');
    expect(comments[0]!.likes).to.equal(3);
    expect(comments[3]!.body.format).to.equal('html');
    expect(comments[3]!.body.value).to.contain('<em>Masters Thesis</em>');
    expect(comments[3]!.author.url).to.equal('http://gerald.example.org/');
  });

  it('decodes the author and website Isso HTML-escaped on input, and keeps only http(s) websites', async () => {
    const thread = await loadFixture('isso/fetch.json');
    Object.assign(thread.replies[0], { author: 'Tom &amp; Jerry &lt;3', website: 'http://example.org/?a=1&amp;b=2' });
    Object.assign(thread.replies[1], { author: null, website: 'javascript:alert(1)' });
    Object.assign(thread.replies[2], { gravatar_image: 'https://www.gravatar.com/avatar/abc?d=identicon' });
    const { comments } = await isso({ endpoint, fetch: async () => json(thread) }).list({ postId: uri, order: 'oldest', signal });
    expect(comments[0]!.author).to.deep.equal({ name: 'Tom & Jerry <3', url: 'http://example.org/?a=1&b=2' });
    const anonymous = comments.find((c) => c.id === '4')!;
    expect(anonymous.author).to.deep.equal({ name: 'Anonymous' });
    expect(comments.find((c) => c.id === '5')!.author.avatarUrl).to.equal('https://www.gravatar.com/avatar/abc?d=identicon');
  });

  it('leaves out deleted comments but keeps their replies', async () => {
    const thread = await loadFixture('isso/fetch.json');
    Object.assign(thread.replies[0], { mode: 4, author: null, text: '' });
    const { comments } = await isso({ endpoint, fetch: async () => json(thread) }).list({ postId: uri, order: 'oldest', signal });
    expect(comments.map((c) => [c.id, c.parentId]).slice(0, 2)).to.deep.equal([
      ['2', null],
      ['3', null],
    ]);
  });

  it('asks by uri and sort, and pages top-level comments with limit and offset', async () => {
    const { calls, fetch } = fixtures();
    const adapter = isso({ endpoint, fetch, pageSize: 3 });
    const first = await adapter.list({ postId: uri, order: 'newest', signal });
    expect(calls[0]!.url.origin + calls[0]!.url.pathname).to.equal('https://example.org/isso/');
    expect(Object.fromEntries(calls[0]!.url.searchParams)).to.deep.equal({ uri, sort: 'newest', limit: '3', offset: '0' });
    expect(first.comments.filter((c) => c.parentId === null).map((c) => c.id)).to.deep.equal(['6', '5', '4']);
    expect(first.cursor).to.equal('3');
    const second = await adapter.list({ postId: uri, order: 'newest', signal, cursor: first.cursor! });
    expect(calls[1]!.url.searchParams.get('offset')).to.equal('3');
    expect(second.comments.map((c) => c.id)).to.deep.equal(['1', '2', '3']);
    expect(second.cursor).to.equal(null);
  });

  it('takes the required fields from the server’s configuration', async () => {
    const thread = await loadFixture('isso/fetch.json');
    Object.assign(thread.config, { 'require-email': true, 'require-author': true, 'website-field': false });
    const adapter = isso({ endpoint, fetch: async () => json(thread) });
    expect(adapter.capabilities.fields).to.deep.equal({ name: 'optional', email: 'optional', url: true });
    await adapter.list({ postId: uri, order: 'oldest', signal });
    expect(adapter.capabilities.fields).to.deep.equal({ name: 'required', email: 'required', url: false });
  });

  it('posts JSON to /new with a numeric parent and the page title; Isso files it under the root', async () => {
    const { calls, fetch } = fixtures();
    const adapter = isso({ endpoint, fetch, title: 'The model page' });
    const posted = await adapter.submit!({ ...draft, parentId: '3' }, { signal });
    const post = calls[0]!;
    expect(post.method).to.equal('POST');
    expect(post.url.pathname).to.equal('/isso/new');
    expect(post.url.searchParams.get('uri')).to.equal(uri);
    expect(post.headers.get('Content-Type')).to.equal('application/json');
    expect(post.body).to.deep.equal({ text: draft.content, author: 'Gerald Kleyer', email: 'gerald@example.org', website: 'http://gerald.example.org/', parent: 3, title: 'The model page' });
    expect(posted).to.include({ parentId: '1', status: 'approved' });
    const { comments } = await adapter.list({ postId: uri, order: 'oldest', signal });
    expect(comments.find((c) => c.id === posted.id)!.parentId).to.equal('1');
  });

  it('shows a comment answered with 202 (held for moderation) as pending', async () => {
    const created = { ...(await loadFixture('isso/new.json')), mode: 2 };
    const posted = await isso({ endpoint, fetch: async () => json(created, 202) }).submit!({ ...draft, parentId: null }, { signal });
    expect(posted.status).to.equal('pending');
  });

  it('reads the reason from Isso’s HTML error pages and JSON errors', async () => {
    const submit = (response: Response) => isso({ endpoint, fetch: async () => response }).submit!({ ...draft, parentId: null }, { signal });
    const limited = await rejection(submit(werkzeug(403, 'Forbidden', '192.168.0.0: ratelimit exceeded (1700000000.1, 1700000010.2)')));
    expect(limited).to.include({ code: 'rejected', status: 403, reason: 'rate-limited' });
    expect(limited.serverMessage).to.equal('192.168.0.0: ratelimit exceeded (1700000000.1, 1700000010.2)');
    expect(limited.message).to.contain(`${endpoint}/new`);
    const short = await rejection(submit(werkzeug(400, 'Bad Request', 'text is too short (minimum length: 3)')));
    expect(short).to.include({ reason: 'content-invalid', status: 400 });
    const other = await rejection(submit(werkzeug(400, 'Bad Request', 'Cannot create new thread: URI /x is not accessible')));
    expect(other.serverMessage).to.equal('Cannot create new thread: URI /x is not accessible');
    // Raised errors come as JSON to a client that accepts it, as the adapter does.
    const guard = await rejection(submit(json({ message: '403 Forbidden: 2 direct responses to /2012/01/model-page/' }, 403)));
    expect(guard).to.include({ status: 403, reason: 'flood', serverMessage: '2 direct responses to /2012/01/model-page/' });
    const raw = await rejection(submit(json({ message: '403 Forbidden: something new' }, 403)));
    expect(raw).to.include({ reason: 'forbidden', serverMessage: 'something new' });
    const missing = await rejection(submit(html('', 404)));
    expect(missing).to.include({ code: 'http', status: 404 });
  });
});
