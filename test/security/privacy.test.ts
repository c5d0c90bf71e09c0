/**
 * Where the visitor's details go: the email only to the configured backend (every request and every
 * resource the page loads is recorded), and into localStorage only with the consent box ticked, holding
 * exactly name, email and website. Spam friction end to end: the honeypot and the minimum fill time
 * refuse a bot's post with a neutral message and no request, and cost a person nothing.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import { en } from '../../src/i18n/index.js';
import { field, fill, loaded, shadow } from '../helpers.js';

const EMAIL = 'kim.private+comments@example.org';
const encodings = [EMAIL, encodeURIComponent(EMAIL), btoa(EMAIL), EMAIL.replace('@', '%40')];

interface Sent {
  url: string;
  body: string;
}
const sent: Sent[] = [];
const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
  const body = init?.body;
  sent.push({ url, body: typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : body ? JSON.stringify(body) : '' });
  return realFetch(input, init);
};
const beacons: string[] = [];
navigator.sendBeacon = (url: string | URL) => (beacons.push(String(url)), true);

async function server(store: string) {
  await realFetch(`/test-api/reset/${store}`, { method: 'POST', body: JSON.stringify({ comments: [] }) });
  return {
    endpoint: `/test-api/rest/${store}`,
    log: async (): Promise<{ method: string; body?: { author?: { email?: string } }; created?: string }[]> =>
      (await realFetch(`/test-api/log/${store}`)).json(),
  };
}

const render = (endpoint: string, minFillTime = 0) =>
  fixture<CommentThread>(
    html`<comment-thread loading="eager" min-fill-time=${minFillTime} post-id="1" backend="rest" endpoint=${endpoint}></comment-thread>`,
  );
const topForm = (el: CommentThread) => shadow(el).querySelector<HTMLFormElement>('#form-top')!;
const stored = (storage: Storage) => Object.keys(storage).map((k) => `${k}=${storage.getItem(k)}`).join('\n');

async function post(el: CommentThread, values: { content: string; consent?: boolean }) {
  const form = topForm(el);
  fill(form, { content: values.content, name: 'Kim', email: EMAIL, url: 'kim.example' });
  const consent = form.querySelector<HTMLInputElement>('input[name="consent"]')!;
  if (consent.checked !== Boolean(values.consent)) consent.click();
  const done = oneEvent(el, 'comment-submitted');
  form.requestSubmit();
  return done;
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  sent.length = 0;
});

describe('the visitor\'s email', () => {
  it('goes to the configured backend only, in the body of the one POST, and nowhere else', async () => {
    const s = await server('privacy-email');
    performance.clearResourceTimings();
    const el = await render(s.endpoint);
    await loaded(el);
    await post(el, { content: 'Where does my email go?' });
    await new Promise((r) => setTimeout(r, 100));
    const carrying = sent.filter((r) => encodings.some((e) => r.url.includes(e) || r.body.includes(e)));
    const endpoint = new URL(`${s.endpoint}/posts/1/comments`, location.href).href;
    expect(carrying.map((r) => r.url)).to.deep.equal([endpoint]);
    expect(JSON.parse(carrying[0]!.body).author.email).to.equal(EMAIL);
    const log = await s.log();
    expect(log.filter((e) => e.method === 'POST').map((e) => e.body?.author?.email)).to.deep.equal([EMAIL]);
    // No image, script, beacon or other resource was asked for with it either.
    const resources = performance.getEntriesByType('resource').map((r) => r.name);
    expect(resources.filter((u) => encodings.some((e) => u.includes(e)))).to.deep.equal([]);
    expect(beacons).to.deep.equal([]);
  });
});

describe('consent storage', () => {
  it('without consent: nothing about the visitor in localStorage, before or after posting, nor in sessionStorage after', async () => {
    const s = await server('privacy-no-consent');
    const el = await render(s.endpoint);
    await loaded(el);
    fill(topForm(el), { content: 'Draft', name: 'Kim', email: EMAIL });
    expect(stored(localStorage)).not.to.contain(EMAIL);
    await post(el, { content: 'Posted without consent' });
    for (const text of [EMAIL, 'Kim', 'kim.example']) expect(stored(localStorage), text).not.to.contain(text);
    expect(stored(sessionStorage)).not.to.contain(EMAIL);
    // A new visit starts with empty fields.
    const again = await render(s.endpoint);
    await loaded(again);
    expect(field(topForm(again), 'Email').value).to.equal('');
  });

  it('with consent: exactly name, email and website, no comment text; unticked later, they are forgotten', async () => {
    const s = await server('privacy-consent');
    const el = await render(s.endpoint);
    await loaded(el);
    await post(el, { content: 'Remember me', consent: true });
    const keys = Object.keys(localStorage);
    expect(keys).to.deep.equal(['comment-thread:identity']);
    expect(JSON.parse(localStorage.getItem('comment-thread:identity')!)).to.deep.equal({ name: 'Kim', email: EMAIL, url: 'kim.example' });
    expect(stored(localStorage)).not.to.contain('Remember me');
    const again = await render(s.endpoint);
    await loaded(again);
    expect(field(topForm(again), 'Email').value).to.equal(EMAIL);
    await post(again, { content: 'Forget me now', consent: false });
    expect(stored(localStorage)).not.to.contain(EMAIL);
  });
});

describe('spam friction', () => {
  it('a filled honeypot: refused with a neutral message, no request, the draft kept', async () => {
    const s = await server('spam-honeypot');
    const el = await render(s.endpoint);
    await loaded(el);
    const form = topForm(el);
    fill(form, { content: 'Buy now', name: 'Bot', email: 'bot@example.org' });
    const trap = form.querySelector<HTMLInputElement>('input[name="hp"]')!;
    // Hidden from people: not focusable, hidden from assistive tech, not autofilled.
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]')).to.exist;
    expect(trap.autocomplete).to.equal('off');
    trap.value = 'http://spam.example';
    const refused = oneEvent(el, 'comment-error');
    form.requestSubmit();
    const { detail } = await refused;
    expect(detail.error.reason).to.equal('spam');
    await el.updateComplete;
    expect(form.querySelector('[part~="error"]')!.textContent).to.equal(en.refusedSpam);
    expect(field<HTMLTextAreaElement>(form, 'Comment').value).to.equal('Buy now');
    expect((await s.log()).filter((e) => e.method === 'POST')).to.have.length(0);
  });

  it('a submit faster than min-fill-time: refused without a request; once the time has passed, it posts', async () => {
    const s = await server('spam-fill-time');
    const el = await render(s.endpoint, 3);
    await loaded(el);
    const form = topForm(el);
    fill(form, { content: 'Too quick', name: 'Kim', email: 'kim@example.org' });
    const refused = oneEvent(el, 'comment-error');
    form.requestSubmit();
    expect((await refused).detail.error.reason).to.equal('too-fast');
    await el.updateComplete;
    expect(form.querySelector('[part~="error"]')!.textContent).to.equal(en.tooFast);
    expect((await s.log()).filter((e) => e.method === 'POST')).to.have.length(0);
    // Three seconds later (the clock moved on, not the test): a person's pace, so it posts.
    const now = Date.now;
    Date.now = () => now() + 3500;
    try {
      const posted = oneEvent(el, 'comment-submitted');
      form.requestSubmit();
      await posted;
    } finally {
      Date.now = now;
    }
    await waitUntil(async () => (await s.log()).some((e) => e.created), 'created');
    expect((await s.log()).filter((e) => e.method === 'POST')).to.have.length(1);
  });
});
