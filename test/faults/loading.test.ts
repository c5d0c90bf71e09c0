/**
 * The fault matrix: the element on the rest backend against the in-test server, which can be slow, fail
 * with any status, ask to wait (429 + Retry-After), cut the connection before or in the middle of an
 * answer, and log every request. For every fault: the draft is intact until a submit succeeds, exactly one
 * comment is created per successful submit, and the UI shows the state and announces it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { httpDefaults } from '../../src/adapters/http.js';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { comment } from '../fixtures.js';
import { article, field, fill, loaded, part, parts, shadow } from '../helpers.js';

interface Failure {
  method?: 'GET' | 'POST';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delay?: number;
  times: number;
  pass?: boolean;
  drop?: 'before' | 'body' | 'stall';
}
interface LogEntry {
  method: string;
  url: string;
  time: number;
  failure?: boolean;
  created?: string;
}

const defaults = { ...httpDefaults };
/** Takes the page offline (requests to the server fail, navigator.onLine is false) or back online. */
async function offline(value: boolean) {
  await executeServerCommand('comment-thread:offline', { offline: value });
  if (value) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else if (Object.getOwnPropertyDescriptor(navigator, 'onLine')) {
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  }
}
let stores = 0;

async function server(failures: Failure[] = [], comments = [comment('1', null, '2020-01-01T00:00:00Z', 'Ann')]) {
  const store = `faults-${Date.now()}-${stores++}`;
  await fetch(`/test-api/reset/${store}`, { method: 'POST', body: JSON.stringify({ comments, failures }) });
  return {
    store,
    endpoint: `/test-api/rest/${store}`,
    log: async (): Promise<LogEntry[]> => (await fetch(`/test-api/log/${store}`)).json(),
    fail: (more: Failure[]) =>
      fetch(`/test-api/reset/${store}`, { method: 'POST', body: JSON.stringify({ comments, failures: more }) }),
  };
}

const render = (endpoint: string, postId = '1') =>
  fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time="0" post-id=${postId} backend="rest" endpoint=${endpoint}></comment-thread>`,
  );

const topForm = (el: CommentThread) => shadow(el).querySelector<HTMLFormElement>('#form-top')!;
const status = (el: CommentThread) => part(el, 'status')!.textContent!.replace(/\u00a0$/, '');
const posts = (log: LogEntry[]) => log.filter((e) => e.method === 'POST');
const gets = (log: LogEntry[]) => log.filter((e) => e.method === 'GET');
const draftOf = (form: HTMLFormElement) => field<HTMLTextAreaElement>(form, 'Comment').value;

/** Fills the top form and submits; resolves on the submit's outcome event. */
async function post(el: CommentThread, content = 'My considered opinion.') {
  const form = topForm(el);
  fill(form, { content, name: 'Kim', email: 'kim@example.org' });
  const outcome = Promise.race([oneEvent(el, 'comment-submitted'), oneEvent(el, 'comment-error')]);
  form.requestSubmit();
  return outcome;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  Object.assign(httpDefaults, { timeout: 400, retries: 2, backoff: 40, maxRetryAfter: 1 });
});
afterEach(() => {
  Object.assign(httpDefaults, defaults);
});
after(() => offline(false));

describe('fault matrix: loading', () => {
  it('a slow server: each GET attempt times out, is retried with growing backoff, then Retry loads', async () => {
    httpDefaults.backoff = 200;
    const s = await server([{ method: 'GET', delay: 1500, pass: true, times: 3 }]);
    const el = await render(s.endpoint);
    await waitUntil(() => part(el, 'error-state'), 'error shown', { timeout: 5000 });
    expect(part(el, 'error-state')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error')!.textContent).to.contain('did not answer in');
    const log = gets(await s.log());
    expect(log).to.have.length(3);
    // After each 400 ms timeout, a backoff of at least 0.75 × 200 ms, then 0.75 × 400 ms (arrivals at
    // the server may differ from departures by a connection set-up: 50 ms of slack).
    expect(log[1]!.time - log[0]!.time).to.be.at.least(400 + 150 - 50);
    expect(log[2]!.time - log[1]!.time).to.be.at.least(400 + 300 - 50);
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await loaded(el);
    await waitUntil(() => parts(el, 'comment').length === 1, 'loaded after Retry');
    expect(gets(await s.log())).to.have.length(4);
  });

  for (const code of [500, 502, 503]) {
    it(`${code}: retried, then shown with Retry; a later attempt that succeeds shows the thread`, async () => {
      const s = await server([{ method: 'GET', status: code, times: 3 }]);
      const el = await render(s.endpoint);
      await waitUntil(() => part(el, 'error-state'), 'error shown', { timeout: 5000 });
      expect(part(el, 'error-state')!.textContent).to.contain('Server error');
      expect(gets(await s.log())).to.have.length(3);
      part<HTMLButtonElement>(el, 'retry-button')!.click();
      await waitUntil(() => parts(el, 'comment').length === 1, 'loaded after Retry');
    });

    it(`${code} once: the automatic retry loads the thread with no error shown`, async () => {
      const s = await server([{ method: 'GET', status: code, times: 1 }]);
      const el = await render(s.endpoint);
      let errors = 0;
      el.addEventListener('comment-error', () => errors++);
      await waitUntil(() => parts(el, 'comment').length === 1, 'loaded', { timeout: 5000 });
      expect(gets(await s.log())).to.have.length(2);
      expect(errors).to.equal(0);
    });
  }

  it('429 with a short Retry-After: waits that long, then retries', async () => {
    const s = await server([{ method: 'GET', status: 429, headers: { 'Retry-After': '1' }, times: 1 }]);
    const el = await render(s.endpoint);
    await waitUntil(() => parts(el, 'comment').length === 1, 'loaded', { timeout: 5000 });
    const log = gets(await s.log());
    expect(log).to.have.length(2);
    expect(log[1]!.time - log[0]!.time).to.be.at.least(1000);
  });

  it('429 with a Retry-After longer than it will wait: fails at once with the reason and Retry', async () => {
    const s = await server([{ method: 'GET', status: 429, headers: { 'Retry-After': '120' }, times: 1, body: { error: { code: 'rate', message: 'Slow down.' } } }]);
    const el = await render(s.endpoint);
    await waitUntil(() => part(el, 'error-state'), 'error shown', { timeout: 5000 });
    expect(part(el, 'error-state')!.textContent).to.contain('Slow down.');
    expect(gets(await s.log())).to.have.length(1);
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitUntil(() => parts(el, 'comment').length === 1, 'loaded after Retry');
  });

  it('the connection cut in the middle of the answer: retried, then shown as a lost connection; Retry loads', async () => {
    const s = await server([{ method: 'GET', drop: 'body', times: 3 }]);
    // (Two cuts and then an answer would load without an error: the retries read the body too.)
    const el = await render(s.endpoint);
    await waitUntil(() => part(el, 'error-state'), 'error shown', { timeout: 5000 });
    expect(part(el, 'error-state')!.textContent).to.contain('The connection was lost while reading the answer.');
    expect(gets(await s.log()), 'retried like any network failure').to.have.length(3);
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitUntil(() => parts(el, 'comment').length === 1, 'loaded after Retry', { timeout: 5000 });
  });

  it('a server that stalls in the middle of its answer: timed out, retried, then shown with Retry', async () => {
    const s = await server([{ method: 'GET', drop: 'stall', times: 3 }]);
    const el = await render(s.endpoint);
    await waitUntil(() => part(el, 'error-state'), 'error shown', { timeout: 5000 });
    expect(part(el, 'error-state')!.textContent).to.contain('did not answer in');
    expect(gets(await s.log())).to.have.length(3);
    part<HTMLButtonElement>(el, 'retry-button')!.click();
    await waitUntil(() => parts(el, 'comment').length === 1, 'loaded after Retry', { timeout: 5000 });
  });

  it('offline: says so, and loads by itself when the browser is online again', async () => {
    const s = await server();
    await offline(true);
    const el = await render(s.endpoint);
    await waitUntil(() => part(el, 'error-state'), 'error shown', { timeout: 5000 });
    expect(navigator.onLine).to.equal(false);
    expect(part(el, 'error-state')!.getAttribute('role')).to.equal('alert');
    expect(part(el, 'error-state')!.textContent).to.match(/offline/i);
    await offline(false);
    await waitUntil(() => parts(el, 'comment').length === 1, 'loaded when online', { timeout: 5000 });
  });

  it('removing the element mid-request cancels it: no error, no event', async () => {
    const s = await server([{ method: 'GET', delay: 300, pass: true, times: 1 }]);
    const el = await render(s.endpoint);
    let errors = 0;
    let loads = 0;
    el.addEventListener('comment-error', () => errors++);
    el.addEventListener('comment-load', () => loads++);
    await waitUntil(async () => gets(await s.log()).length === 1, 'request sent');
    el.remove();
    await new Promise((r) => setTimeout(r, 500));
    expect(errors).to.equal(0);
    expect(loads).to.equal(0);
    expect(gets(await s.log())).to.have.length(1);
  });

  it('changing post-id mid-request shows the new post\'s thread only', async () => {
    const s = await server([{ method: 'GET', delay: 400, pass: true, times: 1 }], [
      comment('1', null, '2020-01-01T00:00:00Z', 'Ann'),
      { ...comment('2', null, '2020-01-02T00:00:00Z', 'Bob'), postId: '2' } as never,
    ]);
    const el = await render(s.endpoint);
    let errors = 0;
    el.addEventListener('comment-error', () => errors++);
    await waitUntil(async () => gets(await s.log()).length === 1, 'first request sent');
    el.postId = '2';
    await waitUntil(() => parts(el, 'comment').length === 1 && !!article(el, '2'), 'post 2 shown', { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 500));
    expect(article(el, '1')).to.equal(null);
    expect(errors).to.equal(0);
  });
});

describe('fault matrix: posting', () => {
  for (const code of [500, 502, 503]) {
    it(`${code} on Post: one request, never retried; the draft stays; shown and announced; the next try posts once`, async () => {
      const s = await server([{ method: 'POST', status: code, times: 1 }]);
      const el = await render(s.endpoint);
      await loaded(el);
      const failed = (await post(el)) as CustomEvent;
      expect(failed.type).to.equal('comment-error');
      await el.updateComplete;
      const form = topForm(el);
      expect(form.querySelector('[part~="error"]')!.getAttribute('role')).to.equal('alert');
      expect(form.querySelector('[part~="error"]')!.textContent).to.contain('Server error');
      expect(status(el)).to.contain('Server error');
      expect(draftOf(form)).to.equal('My considered opinion.');
      expect(posts(await s.log())).to.have.length(1);
      const ok = (await post(el)) as CustomEvent;
      expect(ok.type).to.equal('comment-submitted');
      const log = posts(await s.log());
      expect(log).to.have.length(2);
      expect(log.filter((e) => e.created)).to.have.length(1);
      await waitUntil(() => shadow(el).activeElement?.getAttribute('data-comment-id') === log[1]!.created, 'focus on the new comment');
      expect(status(el)).to.equal('Comment posted.');
      expect(draftOf(topForm(el))).to.equal('');
    });
  }

  it('a slow Post times out once, is not retried, keeps the draft, and says so', async () => {
    const s = await server([{ method: 'POST', delay: 1500, status: 503, times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    const failed = (await post(el)) as CustomEvent;
    expect(failed.type).to.equal('comment-error');
    await el.updateComplete;
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.contain('did not answer');
    expect(status(el)).to.contain('did not answer');
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
    await new Promise((r) => setTimeout(r, 1300));
    expect(posts(await s.log())).to.have.length(1);
  });

  it('429 with Retry-After on Post: refused once, the reason shown, no automatic retry', async () => {
    const s = await server([{ method: 'POST', status: 429, headers: { 'Retry-After': '0' }, body: { error: { code: 'flood', message: 'You are posting comments too quickly.' } }, times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    await post(el);
    await el.updateComplete;
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.equal('You are posting comments too quickly.');
    expect(posts(await s.log())).to.have.length(1);
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
  });

  it('the connection cut in the middle of the answer to Post: the draft stays, the error is shown, no retry', async () => {
    const s = await server([{ method: 'POST', drop: 'body', times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    const failed = (await post(el)) as CustomEvent;
    expect(failed.type).to.equal('comment-error');
    await el.updateComplete;
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.equal('The connection was lost while reading the answer.');
    expect(status(el)).to.equal('The connection was lost while reading the answer.');
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
    expect(posts(await s.log())).to.have.length(1);
  });

  it('offline on Post: refused without a request, the draft stays; online again, it posts once', async () => {
    const s = await server();
    const el = await render(s.endpoint);
    await loaded(el);
    await offline(true);
    try {
      const failed = (await post(el)) as CustomEvent;
      expect(failed.type).to.equal('comment-error');
    } finally {
      await offline(false);
    }
    await el.updateComplete;
    expect(topForm(el).querySelector('[part~="error"]')!.textContent).to.equal('Could not reach the comment server.');
    expect(draftOf(topForm(el))).to.equal('My considered opinion.');
    expect(posts(await s.log())).to.have.length(0);
    const ok = (await post(el)) as CustomEvent;
    expect(ok.type).to.equal('comment-submitted');
    expect(posts(await s.log()).filter((e) => e.created)).to.have.length(1);
  });

  it('double and triple clicks on Post send one request and create one comment', async () => {
    for (const clicks of [2, 3]) {
      const s = await server([{ method: 'POST', delay: 150, pass: true, times: 1 }]);
      const el = await render(s.endpoint);
      await loaded(el);
      const form = topForm(el);
      fill(form, { content: `Clicked ${clicks} times`, name: 'Kim', email: 'kim@example.org' });
      const button = form.querySelector<HTMLButtonElement>('[part~="submit-button"]')!;
      const submitted = oneEvent(el, 'comment-submitted');
      for (let i = 0; i < clicks; i++) button.click();
      await submitted;
      await new Promise((r) => setTimeout(r, 300));
      const log = posts(await s.log());
      expect(log, `${clicks} clicks`).to.have.length(1);
      expect(log[0]!.created).to.be.a('string');
      expect(parts(el, 'comment')).to.have.length(2);
    }
  });

  it('removing the element mid-Post cancels it: no error shown, the draft is kept for next time', async () => {
    const s = await server([{ method: 'POST', delay: 300, pass: true, times: 1 }]);
    const el = await render(s.endpoint);
    await loaded(el);
    let errors = 0;
    el.addEventListener('comment-error', () => errors++);
    fill(topForm(el), { content: 'Half-way', name: 'Kim', email: 'kim@example.org' });
    topForm(el).requestSubmit();
    await waitUntil(async () => posts(await s.log()).length === 1, 'POST sent');
    const parent = el.parentElement!;
    el.remove();
    await new Promise((r) => setTimeout(r, 400));
    expect(errors).to.equal(0);
    const reloaded = oneEvent(el, 'comment-load');
    parent.append(el);
    await reloaded;
    await el.updateComplete;
    expect(draftOf(topForm(el))).to.equal('Half-way');
  });
});
