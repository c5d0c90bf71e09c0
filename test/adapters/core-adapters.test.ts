import { expect } from '@open-wc/testing';
import { httpDefaults } from '../../src/adapters/http.js';
import { backend as memoryBackend, memory } from '../../src/adapters/memory.js';
import { memoryLatency } from '../../src/adapters/memory-latency.js';
import { checkPage } from '../../src/model/page.js';
import { rest } from '../../src/adapters/rest.js';
import { staticJson } from '../../src/adapters/static-json.js';
import type { Draft } from '../../src/model/schemas.js';
import { comment, seedThread } from '../fixtures.js';
import { stubFetch } from './stub-fetch.js';
import { rejection } from './stub.js';

const signal = () => new AbortController().signal;
const query = (postId = '1') => ({ postId, order: 'oldest' as const, signal: signal() });
const draft = (over: Partial<Draft> = {}): Draft => ({
  postId: '1',
  parentId: null,
  content: 'Hello',
  author: { name: 'Ann', email: 'ann@example.org' },
  ...over,
});


const saved = { ...httpDefaults };
beforeEach(() => Object.assign(httpDefaults, { backoff: 1, retries: 2 }));
afterEach(() => Object.assign(httpDefaults, saved));

describe('rest adapter', () => {
  it('lists a page from {endpoint}/posts/{id}/comments with the order and cursor', async () => {
    const fetch = stubFetch([{ url: '/api/posts/a%2Fb/comments', json: { comments: seedThread, total: 6, cursor: 'next' } }]);
    const page = await rest({ endpoint: 'https://example.org/api', fetch }).list({ ...query('a/b'), cursor: 'c1' });
    expect(page.comments).to.have.length(6);
    expect(page.cursor).to.equal('next');
    expect(fetch.calls[0]!.url).to.equal('https://example.org/api/posts/a%2Fb/comments?order=oldest&cursor=c1');
  });

  it('posts a draft and returns the created comment', async () => {
    const created = comment('9', null, '2024-01-01T00:00:00Z', 'Ann');
    const fetch = stubFetch([{ method: 'POST', url: '/comments', status: 201, json: { comment: created } }]);
    const result = await rest({ endpoint: '/api/', fetch }).submit!(draft({ parentId: '3' }), { signal: signal() });
    expect(result).to.deep.equal(created);
    expect(JSON.parse(fetch.calls[0]!.body!)).to.deep.equal({
      parentId: '3',
      content: 'Hello',
      author: { name: 'Ann', email: 'ann@example.org' },
    });
    expect(fetch.calls[0]!.headers['Content-Type']).to.equal('application/json');
  });

  it('sends the draft\'s idempotency key as Idempotency-Key, with the other headers, and none without one', async () => {
    const created = comment('9', null, '2024-01-01T00:00:00Z', 'Ann');
    const fetch = stubFetch([{ method: 'POST', url: '/comments', status: 201, json: { comment: created } }]);
    const adapter = rest({ endpoint: '/api/', fetch, headers: { 'X-Api-Key': 'k' } });
    await adapter.submit!(draft(), { signal: signal(), idempotencyKey: 'draft-key-1' });
    await adapter.submit!(draft(), { signal: signal() });
    expect(fetch.calls[0]!.headers).to.include({ 'Idempotency-Key': 'draft-key-1', 'X-Api-Key': 'k' });
    expect(fetch.calls[1]!.headers).to.include({ 'X-Api-Key': 'k' });
    expect(fetch.calls[1]!.headers).to.not.have.property('Idempotency-Key');
  });

  it('turns the protocol error body into a rejected error with its code and message', async () => {
    const fetch = stubFetch([
      { method: 'POST', url: '/comments', status: 409, json: { error: { code: 'duplicate', message: 'Already said.' } } },
    ]);
    const error = await rejection(rest({ endpoint: '/api', fetch }).submit!(draft(), { signal: signal() }));
    expect(error.code).to.equal('rejected');
    expect(error.reason).to.equal('duplicate');
    expect(error.serverMessage).to.equal('Already said.');
    expect(error.message).to.contain('/api/posts/1/comments');
    expect(error.status).to.equal(409);
  });

  it('reports an HTTP error with its status, after retrying a GET', async () => {
    const fetch = stubFetch([{ url: '/comments', status: 503, body: 'busy' }]);
    const error = await rejection(rest({ endpoint: '/api', fetch }).list(query()));
    expect(error.code).to.equal('http');
    expect(error.status).to.equal(503);
    expect(fetch.calls).to.have.length(3);
  });

  it('never retries a POST', async () => {
    const fetch = stubFetch([{ method: 'POST', url: '/comments', status: 503, body: 'busy' }]);
    await rejection(rest({ endpoint: '/api', fetch }).submit!(draft(), { signal: signal() }));
    expect(fetch.calls).to.have.length(1);
  });

  it('names the URL when the answer is not JSON', async () => {
    const fetch = stubFetch([{ url: '/comments', body: '<html><body>Fatal error</body></html>' }]);
    const error = await rejection(rest({ endpoint: 'https://example.org/api', fetch }).list(query()));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.contain('https://example.org/api/posts/1/comments');
    expect(error.message).to.contain('HTML page');
  });

  it('rejects a wrong page shape as invalid-response, with where it went wrong', async () => {
    const fetch = stubFetch([{ url: '/comments', json: { comments: 'none', total: 1 } }]);
    const error = await rejection(rest({ endpoint: '/api', fetch }).list(query()));
    expect(error.code).to.equal('invalid-response');
    expect(error.message).to.match(/ at comments:/);
  });

  it('hands a page with a malformed comment to the element whole, for it to leave that one out', async () => {
    const good = seedThread[0]!;
    const fetch = stubFetch([{ url: '/comments', json: { comments: [good, { id: 1 }], cursor: null } }]);
    const page = await rest({ endpoint: '/api', fetch }).list(query());
    expect(page.comments).to.deep.equal([good, { id: 1 }]);
    const checked = await checkPage(page);
    expect([checked.comments.map((c) => c.id), checked.malformed]).to.deep.equal([[good.id], 1]);
  });

  it('reports a network failure as network', async () => {
    const fetch = stubFetch([{ url: '/comments', error: new TypeError('Failed to fetch') }]);
    const error = await rejection(rest({ endpoint: '/api', fetch }).list(query()));
    expect(error.code).to.equal('network');
    expect(fetch.calls).to.have.length(3);
  });

  it('reports an aborted request as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = stubFetch([{ url: '/comments', json: { comments: [] } }]);
    const error = await rejection(rest({ endpoint: '/api', fetch }).list({ ...query(), signal: controller.signal }));
    expect(error.code).to.equal('aborted');
  });
});

describe('staticJson adapter', () => {
  it('reads a Page or a bare array, with {postId} in the URL, and is read-only', async () => {
    const fetch = stubFetch([
      { url: '/c/1.json', json: seedThread },
      { url: '/c/2.json', json: { comments: seedThread.slice(0, 2), total: 2 } },
    ]);
    const adapter = staticJson({ url: '/c/{postId}.json', fetch });
    expect((await adapter.list(query('1'))).comments).to.have.length(6);
    expect((await adapter.list(query('2'))).total).to.equal(2);
    expect(adapter.capabilities.post).to.equal(false);
    expect('submit' in adapter).to.equal(false);
  });

  it('fails on HTTP errors, invalid JSON and wrong shapes', async () => {
    const fetch = stubFetch([
      { url: '/404.json', status: 404, body: 'Not found' },
      { url: '/bad.json', body: '{ not json' },
      { url: '/shape.json', json: { comments: 'nope' } },
    ]);
    expect((await rejection(staticJson({ url: '/404.json', fetch }).list(query()))).code).to.equal('http');
    expect((await rejection(staticJson({ url: '/bad.json', fetch }).list(query()))).code).to.equal('invalid-response');
    expect((await rejection(staticJson({ url: '/shape.json', fetch }).list(query()))).code).to.equal('invalid-response');
  });

  it('reads a bare array, where a missing status means approved and a pending entry is never shown', async () => {
    const [first, second, third] = seedThread;
    const { status: _, ...noStatus } = first!;
    const fetch = stubFetch([
      { url: '/bare.json', json: [noStatus, { ...second!, status: 'pending' }, { ...third!, status: 'approved' }] },
    ]);
    const page = await staticJson({ url: '/bare.json', fetch }).list(query());
    expect(page.comments.map((c) => [c.id, c.status])).to.deep.equal([[first!.id, 'approved'], [third!.id, 'approved']]);
    expect([page.total, page.cursor]).to.deep.equal([2, null]);
  });

  it('checks the file’s shape itself and leaves a malformed comment to the element', async () => {
    const fetch = stubFetch([{ url: '/mixed.json', json: { comments: [seedThread[0], { id: '' }, 'junk'] } }]);
    const page = await staticJson({ url: '/mixed.json', fetch }).list(query());
    const checked = await checkPage(page);
    expect([checked.comments.map((c) => c.id), checked.malformed]).to.deep.equal([[seedThread[0]!.id], 2]);
  });

  it('resolves a relative file URL against baseUrl', async () => {
    const fetch = stubFetch([{ url: '/blog/c/1.json', json: [] }]);
    await staticJson({ url: 'c/{postId}.json', baseUrl: 'https://example.org/blog/post.html', fetch }).list(query());
    expect(String(fetch.calls[0]!.url)).to.equal('https://example.org/blog/c/1.json');
  });
});

describe('memory adapter', () => {
  beforeEach(() => localStorage.clear());

  // The first memory backend made by attribute in this file (each test file runs in a page of its own).
  it('publishes at once by default, on backend="memory" without data-moderation too, and says so once', async () => {
    const said: unknown[][] = [];
    const info = console.info;
    console.info = (...args: unknown[]) => void said.push(args);
    let viaAttribute, moderated;
    try {
      viaAttribute = memoryBackend({ postId: '1', depth: 5 });
      moderated = memoryBackend({ postId: '1', depth: 5, settings: { moderation: 'first-time' } });
    } finally {
      console.info = info;
    }
    expect(said).to.have.length(1);
    expect(String(said[0]![0])).to.contain('this browser');
    // Both keep what is posted under one storage key: the held one first, before Ann is known.
    expect((await moderated.submit!(draft({ content: 'Held' }), { signal: signal() })).status).to.equal('pending');
    expect((await viaAttribute.submit!(draft(), { signal: signal() })).status).to.equal('approved');
    expect((await memory().submit!(draft(), { signal: signal() })).status).to.equal('approved');
  });

  it('cancels a simulated latency when the request is aborted', async () => {
    memoryLatency.ms = 60_000;
    try {
      const controller = new AbortController();
      const listing = memory().list({ ...query(), signal: controller.signal });
      controller.abort();
      expect((await rejection(listing)).code).to.equal('aborted');
    } finally {
      memoryLatency.ms = 0;
    }
  });

  it('pages top-level comments with all their replies', async () => {
    const adapter = memory({ comments: seedThread, pageSize: 2 });
    const first = await adapter.list(query());
    expect(first.comments.map((c) => c.id).sort()).to.deep.equal(['1', '2', '3']);
    expect(first.cursor).to.equal('2');
    const second = await adapter.list({ ...query(), cursor: first.cursor! });
    expect(second.comments.map((c) => c.id).sort()).to.deep.equal(['4', '5', '6']);
    expect(second.cursor).to.equal(null);
  });

  it('holds comments as WordPress does with moderation "first-time"', async () => {
    const adapter = memory({ moderation: 'first-time' });
    const first = await adapter.submit!(draft(), { signal: signal() });
    expect(first.status).to.equal('pending');
    expect((await adapter.list(query())).comments).to.have.length(0);
    const known = memory({ moderation: 'first-time', comments: [comment('k', null, '2020-01-01T00:00:00Z', 'Ann')] });
    // The seed has no email: a name alone is not a returning commenter.
    expect((await known.submit!(draft(), { signal: signal() })).status).to.equal('pending');
  });

  it('refuses a duplicate', async () => {
    const adapter = memory();
    await adapter.submit!(draft(), { signal: signal() });
    const error = await rejection(adapter.submit!(draft(), { signal: signal() }));
    expect(error.reason).to.equal('duplicate');
  });

  it('persists what is posted in localStorage, not the seed', async () => {
    const posted = await memory({ storageKey: 'test-store', comments: seedThread }).submit!(draft(), { signal: signal() });
    const stored = JSON.parse(localStorage.getItem('test-store')!);
    expect(stored).to.have.length(1);
    expect(stored[0].comment.id).to.equal(posted.id);
    const again = await memory({ storageKey: 'test-store' }).list(query());
    expect(again.comments.map((c) => c.id)).to.deep.equal([posted.id]);
  });

  it('ignores tampered storage', async () => {
    localStorage.setItem('test-store', '{"not": "a list"}');
    expect((await memory({ storageKey: 'test-store' }).list(query())).comments).to.deep.equal([]);
  });
});
