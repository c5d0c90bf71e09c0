/**
 * The fault matrix, loading: the element on the rest backend against the in-test server, which can hold
 * a request, fail with any status, ask to wait (429 + Retry-After), cut the connection in the middle of
 * an answer or stall, and logs every request. For every fault the UI shows the state, and Retry (or the
 * browser coming back online) loads the thread.
 */
import { expect } from '@open-wc/testing';
import { httpDefaults } from '../../src/adapters/http.js';
import type { CommentErrorEvent } from '../../src/events.js';
import { en } from '../../src/i18n/messages.js';
import { comment } from '../fixtures.js';
import { article, loaded, part, parts, until } from '../helpers.js';
import { faultHooks, gets, offline, render, server, SHORT_TIMEOUT, TIMEOUT, watchFetches } from './server.js';

faultHooks();

describe('fault matrix: loading', () => {
  it('a slow server: each GET attempt times out, is retried with growing backoff, then Retry loads', async () => {
    Object.assign(httpDefaults, { timeout: SHORT_TIMEOUT, backoff: 200 });
    // Held attempts are never answered: each one ends by the time limit, however slow the machine.
    const s = await server([{ method: 'GET', hold: true, times: 3 }]);
    const fetches = watchFetches(s.endpoint);
    const el = await render(s.endpoint);
    await until(() => part(el, 'error-state'), 'error shown');
    expect(part(el, 'error-state')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.contain(en.errorTimeout);
    for (const nth of [0, 1, 2]) await s.closed('GET', nth);
    const log = gets(await s.log());
    expect(log).to.have.length(3);
    // Between attempts, the 400 ms timeout and then a backoff of at least 0.75 × 200 ms, then 0.75 ×
    // 400 ms (2 ms of slack: a timer may fire a little before the page's clock says it is due).
    const [first, second, third] = fetches.starts;
    expect(fetches.starts).to.have.length(3);
    expect(second! - first!).to.be.at.least(SHORT_TIMEOUT + 150 - 2);
    expect(third! - second!).to.be.at.least(SHORT_TIMEOUT + 300 - 2);
    // The answer to Retry is prompt: only a busy machine could make it race the short limit.
    httpDefaults.timeout = TIMEOUT;
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await loaded(el);
    await until(() => parts(el, 'comment').length === 1, 'loaded after Retry');
    expect(gets(await s.log())).to.have.length(4);
  });

  for (const code of [500, 502, 503]) {
    it(`${code}: retried, then shown with Retry; a later attempt that succeeds shows the thread`, async () => {
      const s = await server([{ method: 'GET', status: code, times: 3 }]);
      const el = await render(s.endpoint);
      await until(() => part(el, 'error-state'), 'error shown');
      expect(part(el, 'error-state')!.textContent).to.contain(en.errorHttp);
      expect(gets(await s.log())).to.have.length(3);
      part<HTMLButtonElement>(el, 'retry-button')!.click();
      await until(() => parts(el, 'comment').length === 1, 'loaded after Retry');
      expect(gets(await s.log())).to.have.length(4);
    });

    it(`${code} once: the automatic retry loads the thread with no error shown`, async () => {
      const s = await server([{ method: 'GET', status: code, times: 1 }]);
      const el = await render(s.endpoint);
      let errors = 0;
      el.addEventListener('comment-error', () => errors++);
      await until(() => parts(el, 'comment').length === 1, 'loaded');
      expect(gets(await s.log())).to.have.length(2);
      expect(errors).to.equal(0);
    });
  }

  it('429 with a short Retry-After: waits that long, then retries', async () => {
    const s = await server([{ method: 'GET', status: 429, headers: { 'Retry-After': '1' }, times: 1 }]);
    const el = await render(s.endpoint);
    await until(() => parts(el, 'comment').length === 1, 'loaded');
    const log = gets(await s.log());
    expect(log).to.have.length(2);
    expect(log[1]!.time - log[0]!.time).to.be.at.least(1000);
  });

  it('429 with a Retry-After longer than it will wait: fails at once with the reason and Retry', async () => {
    const s = await server([{ method: 'GET', status: 429, headers: { 'Retry-After': '120' }, times: 1, body: { error: { code: 'rate', message: 'Slow down.' } } }]);
    const el = await render(s.endpoint);
    await until(() => part(el, 'error-state'), 'error shown');
    // The REST protocol's refusal message is the server's words for the visitor.
    expect(part(el, 'error-state')!.textContent).to.contain('Slow down.');
    expect(gets(await s.log())).to.have.length(1);
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await until(() => parts(el, 'comment').length === 1, 'loaded after Retry');
  });

  it('the connection cut in the middle of the answer: retried, then shown as a lost connection; Retry loads', async () => {
    const s = await server([{ method: 'GET', drop: 'body', times: 3 }]);
    // (Two cuts and then an answer would load without an error: the retries read the body too.)
    const el = await render(s.endpoint);
    const failed = new Promise<CommentErrorEvent>((resolve) => el.addEventListener('comment-error', resolve, { once: true }));
    await until(() => part(el, 'error-state'), 'error shown');
    expect(part(el, 'error-state')!.textContent).to.contain(en.errorNetwork);
    const { error } = (await failed).detail;
    expect(error.code).to.equal('network');
    expect(error.message).to.match(/was lost while reading the answer/);
    expect(gets(await s.log()), 'retried like any network failure').to.have.length(3);
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await until(() => parts(el, 'comment').length === 1, 'loaded after Retry');
  });

  it('a server that stalls in the middle of its answer: timed out, retried, then shown with Retry', async () => {
    httpDefaults.timeout = SHORT_TIMEOUT;
    // A stalled answer never ends: each attempt ends by the time limit, however slow the machine.
    const s = await server([{ method: 'GET', drop: 'stall', times: 3 }]);
    const el = await render(s.endpoint);
    await until(() => part(el, 'error-state'), 'error shown');
    expect(part(el, 'error-state')!.textContent).to.contain(en.errorTimeout);
    expect(gets(await s.log())).to.have.length(3);
    httpDefaults.timeout = TIMEOUT;
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await until(() => parts(el, 'comment').length === 1, 'loaded after Retry');
    expect(gets(await s.log())).to.have.length(4);
  });

  it('offline: says so, and loads by itself when the browser is online again', async () => {
    const s = await server();
    await offline(true);
    const el = await render(s.endpoint);
    await until(() => part(el, 'error-state'), 'error shown');
    expect(navigator.onLine).to.equal(false);
    expect(part(el, 'error-state')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error-state')!.textContent).to.match(/offline/i);
    await offline(false);
    await until(() => parts(el, 'comment').length === 1, 'loaded when online');
  });

  it('removing the element mid-request cancels it: no error, no event', async () => {
    const s = await server([{ method: 'GET', hold: true, pass: true, times: 1 }]);
    const el = await render(s.endpoint);
    let errors = 0;
    let loads = 0;
    el.addEventListener('comment-error', () => errors++);
    el.addEventListener('comment-load', () => loads++);
    await s.held('GET');
    el.remove();
    // The server sees the connection closed: the request was cancelled, not left to finish unseen.
    await s.closed('GET');
    expect(await s.release(), 'nothing left to answer').to.equal(0);
    await el.updateComplete;
    expect(errors).to.equal(0);
    expect(loads).to.equal(0);
    expect(gets(await s.log())).to.have.length(1);
  });

  it('changing post-id mid-request shows the new post\'s thread only', async () => {
    const s = await server([{ method: 'GET', hold: true, pass: true, times: 1 }], [
      comment('1', null, '2020-01-01T00:00:00Z', 'Ann'),
      { ...comment('2', null, '2020-01-02T00:00:00Z', 'Bob'), postId: '2' } as never,
    ]);
    const el = await render(s.endpoint);
    let errors = 0;
    el.addEventListener('comment-error', () => errors++);
    await s.held('GET');
    el.postId = '2';
    await until(() => parts(el, 'comment').length === 1 && !!article(el, '2'), 'post 2 shown');
    // The first post's request is cancelled, so its answer can never arrive late over the second's.
    await s.closed('GET');
    expect(await s.release()).to.equal(0);
    await el.updateComplete;
    expect(article(el, '1')).to.equal(null);
    expect(parts(el, 'comment')).to.have.length(1);
    expect(errors).to.equal(0);
  });
});
