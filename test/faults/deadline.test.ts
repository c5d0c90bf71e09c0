/**
 * A whole request's time budget (httpDefaults.deadline), on a clock the test moves by hand: a server that
 * never answers is given up on after the deadline, not after three full time limits; the last attempt
 * gets only what is left; no wait for a retry runs past it.
 */
import { expect } from '@open-wc/testing';
import { httpDefaults, request } from '../../src/adapters/http.js';
import { CommentThreadError } from '../../src/model/errors.js';
import { installFakeClock, type FakeClock } from './fake-clock.js';

const defaults = { ...httpDefaults };
let clock: FakeClock;
beforeEach(() => {
  // The shipped limits: a 15 s time limit, two retries, a 20 s deadline.
  Object.assign(httpDefaults, { timeout: 15_000, retries: 2, backoff: 400, maxRetryAfter: 10, deadline: 20_000 });
  clock = installFakeClock();
});
afterEach(() => {
  clock.restore();
  Object.assign(httpDefaults, defaults);
});

/** A fetch that never answers; it records when each attempt started and when it was abandoned. */
function silentServer() {
  const starts: number[] = [];
  const ends: number[] = [];
  const fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
    starts.push(clock.now);
    return new Promise<Response>((_resolve, reject) => {
      init!.signal!.addEventListener('abort', () => {
        ends.push(clock.now);
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      });
    });
  }) as typeof globalThis.fetch;
  return { fetch, starts, ends };
}

/** The outcome of `promise` and the fake time it settled at, once it has. */
function watch<T>(promise: Promise<T>) {
  const state: { at?: number; value?: T; error?: CommentThreadError } = {};
  promise.then(
    (value) => Object.assign(state, { at: clock.now, value }),
    (error: CommentThreadError) => Object.assign(state, { at: clock.now, error }),
  );
  return state;
}

describe('request(): the deadline', () => {
  it('gives up on a server that never answers after 20 s, not 47 s: the second attempt gets what is left', async () => {
    const server = silentServer();
    const outcome = watch(request('https://api.example/c', { fetch: server.fetch }));
    await clock.advance(14_999);
    expect(server.starts).to.deep.equal([0]);
    expect(outcome.at).to.equal(undefined);
    await clock.advance(1);
    expect(server.ends).to.deep.equal([15_000]);
    // The backoff (400 ms ± 25 %), then the second attempt.
    await clock.advance(500);
    expect(server.starts).to.have.length(2);
    expect(server.starts[1]).to.be.within(15_300, 15_500);
    await clock.advance(4_499);
    expect(outcome.at, 'not before the deadline').to.equal(undefined);
    await clock.advance(1);
    expect(server.ends[1], 'cut to the deadline, not a whole 15 s').to.equal(20_000);
    expect(outcome.at).to.equal(20_000);
    expect(outcome.error).to.be.instanceOf(CommentThreadError);
    expect(outcome.error!.code).to.equal('timeout');
    expect(outcome.error!.message).to.equal('https://api.example/c did not answer in 20 s.');
    // No third attempt: no time was left for one.
    await clock.advance(60_000);
    expect(server.starts).to.have.length(2);
    expect(clock.pending()).to.deep.equal([]);
  });

  it('keeps each attempt to the time limit while the deadline is far off', async () => {
    Object.assign(httpDefaults, { timeout: 1_000, deadline: 20_000 });
    const server = silentServer();
    const outcome = watch(request('https://api.example/c', { fetch: server.fetch }));
    await clock.advance(10_000);
    expect(server.starts).to.have.length(3);
    for (const [i, end] of server.ends.entries()) expect(end - server.starts[i]!).to.be.closeTo(1_000, 0.001);
    expect(outcome.error!.code).to.equal('timeout');
    expect(outcome.at).to.be.below(5_000);
  });

  it('does not wait out a Retry-After that would end past the deadline: the answer comes at once', async () => {
    httpDefaults.deadline = 3_000;
    let calls = 0;
    const fetch = (async () => (calls++, new Response('{}', { status: 503, headers: { 'Retry-After': '5' } }))) as typeof globalThis.fetch;
    const outcome = watch(request('https://api.example/c', { fetch }));
    await clock.advance(0);
    expect(outcome.at).to.equal(0);
    expect(outcome.value!.status).to.equal(503);
    expect(calls).to.equal(1);
  });

  it('waits a Retry-After that fits in the deadline, then retries', async () => {
    let calls = 0;
    const fetch = (async () => (calls++, new Response('{}', { status: 503, headers: { 'Retry-After': '1' } }))) as typeof globalThis.fetch;
    const outcome = watch(request('https://api.example/c', { fetch }));
    await clock.advance(999);
    expect(calls).to.equal(1);
    await clock.advance(1);
    expect(calls).to.equal(2);
    await clock.advance(1_000);
    expect(calls).to.equal(3);
    expect(outcome.at).to.equal(2_000);
    expect(outcome.value!.status).to.equal(503);
  });

  it('does not back off past the deadline after a network error: the error comes at once', async () => {
    Object.assign(httpDefaults, { backoff: 2_000, deadline: 1_000 });
    let calls = 0;
    const fetch = (async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    const outcome = watch(request('https://api.example/c', { fetch }));
    await clock.advance(0);
    expect(calls).to.equal(1);
    expect(outcome.at).to.equal(0);
    expect(outcome.error!.code).to.equal('network');
  });

  it('a per-request deadline wins over the default, for a POST too', async () => {
    const server = silentServer();
    const outcome = watch(request('https://api.example/c', { method: 'POST', json: {}, deadline: 5_000, fetch: server.fetch }));
    await clock.advance(5_000);
    expect(server.ends).to.deep.equal([5_000]);
    expect(outcome.error!.code).to.equal('timeout');
  });

  it('cancelling while it waits to retry ends it at once as aborted', async () => {
    const server = silentServer();
    const controller = new AbortController();
    const outcome = watch(request('https://api.example/c', { fetch: server.fetch, signal: controller.signal }));
    await clock.advance(15_000);
    expect(clock.pending()).to.have.length(1);
    controller.abort();
    await clock.advance(0);
    expect(outcome.error!.code).to.equal('aborted');
    expect(clock.pending()).to.deep.equal([]);
  });
});
