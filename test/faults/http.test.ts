/**
 * The adapter base's fault handling, with a stubbed fetch: time limits that cover the body too, retries
 * for reads only, Retry-After, cancellation, and what adapters hand the element checked by toPage/toComment.
 */
import { expect } from '@open-wc/testing';
import { checkPage } from '../../src/model/page.js';
import { CommentThreadError } from '../../src/model/errors.js';
import { httpDefaults, readJson, request, toComment, toPage } from '../../src/adapters/http.js';

const defaults = { ...httpDefaults };
// A time limit no stubbed answer comes near on any machine; the test whose subject is the limit lowers it,
// against a body that never ends.
beforeEach(() => Object.assign(httpDefaults, { timeout: 10_000, retries: 2, backoff: 1, maxRetryAfter: 1 }));
afterEach(() => Object.assign(httpDefaults, defaults));

async function rejection(promise: Promise<unknown>): Promise<CommentThreadError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).to.be.instanceOf(CommentThreadError);
  return error as CommentThreadError;
}

/** A body that sends `first` and then never ends (a stalled server), or errors (a cut connection). */
function stream(first: string, then: 'stall' | 'cut') {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      if (then === 'cut') controller.error(new TypeError('network error'));
    },
  });
}

describe('request()', () => {
  it('times out on a body that stalls after the headers, and retries a GET', async () => {
    httpDefaults.timeout = 200;
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return new Response(stream('{"comments":[', 'stall'), { status: 200 });
    }) as typeof globalThis.fetch;
    const error = await rejection(request('https://api.example/x', { fetch }));
    expect(error.code).to.equal('timeout');
    expect(calls).to.equal(3);
  });

  it('retries a GET whose body is cut, and gives the body of the attempt that worked', async () => {
    let calls = 0;
    const fetch = (async () => (++calls < 3 ? new Response(stream('{"com', 'cut')) : new Response('{"ok":true}'))) as typeof globalThis.fetch;
    const response = await request('https://api.example/x', { fetch });
    expect(await readJson(response, 'https://api.example/x')).to.deep.equal({ ok: true });
    expect(calls).to.equal(3);
  });

  it('never retries a POST: a cut body is one network error', async () => {
    let calls = 0;
    const fetch = (async () => (calls++, new Response(stream('{"com', 'cut')))) as typeof globalThis.fetch;
    const error = await rejection(request('https://api.example/x', { method: 'POST', json: {}, fetch }));
    expect(error.code).to.equal('network');
    expect(error.message).to.contain('was lost while reading the answer');
    expect(calls).to.equal(1);
  });

  it('never retries a POST on 503', async () => {
    let calls = 0;
    const fetch = (async () => (calls++, new Response('{}', { status: 503 }))) as typeof globalThis.fetch;
    const response = await request('https://api.example/x', { method: 'POST', json: {}, fetch });
    expect(response.status).to.equal(503);
    expect(calls).to.equal(1);
  });

  it('keeps status, headers, url and redirected on the answer it read, and copes with bodiless statuses', async () => {
    const fetch = (async () => {
      const response = new Response(null, { status: 204, headers: { 'X-WP-Total': '3' } });
      return Object.defineProperties(response, { url: { value: 'https://blog.example/landed' }, redirected: { value: true } });
    }) as typeof globalThis.fetch;
    const response = await request('https://api.example/x', { fetch });
    expect(response.status).to.equal(204);
    expect(response.headers.get('X-WP-Total')).to.equal('3');
    expect(response.url).to.equal('https://blog.example/landed');
    expect(response.redirected).to.equal(true);
  });

  it('cancels while reading the body: aborted, not retried', async () => {
    const controller = new AbortController();
    let calls = 0;
    const fetch = (async () => {
      calls++;
      setTimeout(() => controller.abort(), 20);
      return new Response(stream('{"comments":[', 'stall'));
    }) as typeof globalThis.fetch;
    const error = await rejection(request('https://api.example/x', { fetch, signal: controller.signal }));
    expect(error.code).to.equal('aborted');
    expect(calls).to.equal(1);
  });
});

describe('toPage() and toComment()', () => {
  const good = { id: '1', parentId: null, author: { name: 'Ann' }, createdAt: '2020-01-01T00:00:00Z', body: { format: 'text' as const, value: 'Hi' }, status: 'approved' as const };

  it('pass a valid page and comment through', () => {
    expect(toPage('u', () => ({ comments: [good], cursor: null })).comments).to.deep.equal([good]);
    expect(toComment('u', () => good)).to.deep.equal(good);
  });

  it('leave a page with an unreadable date to the element, which drops that comment and keeps the rest', async () => {
    const page = toPage('https://api.example/c', () => ({ comments: [{ ...good, createdAt: 'yesterday' }, { ...good, id: '2' }] }));
    const checked = await checkPage(page);
    expect(checked.malformed).to.equal(1);
    expect(checked.comments.map((c) => c.id)).to.deep.equal(['2']);
    expect(checked.problems[0]).to.contain('comments.0.createdAt');
  });

  it('turn an empty id, an invalid date or a mapping that throws into invalid-response naming the URL', async () => {
    const cases: (() => unknown)[] = [
      () => toComment('https://api.example/c', () => ({ ...good, id: '' })),
      () => toComment('https://api.example/c', () => ({ ...good, createdAt: new Date('x').toISOString() })),
      () => toPage('https://api.example/c', () => { throw new TypeError('x is undefined'); }),
    ];
    for (const run of cases) {
      const error = await rejection(Promise.resolve().then(run));
      expect(error.code).to.equal('invalid-response');
      expect(error.message).to.contain('https://api.example/c');
    }
  });

  it('let a CommentThreadError from the mapping through unchanged', async () => {
    const refused = new CommentThreadError('rejected', 'Closed.', { reason: 'closed' });
    expect(await rejection(Promise.resolve().then(() => toPage('u', () => { throw refused; })))).to.equal(refused);
  });
});
