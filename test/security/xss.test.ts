/**
 * The XSS corpus through every field that reaches the page, on the memory, rest (the in-test server) and
 * json adapters, with both sanitizer paths (the browser's setHTML and the DOMPurify fallback); and through
 * the backend's error messages, on load and on submit. Nothing may run, and what is rendered must be inert.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { readable } from '../../src/i18n/words.js';
import { CommentThreadError } from '../../src/model/errors.js';
import { memory } from '../../src/adapters/memory.js';

import type { CommentThread } from '../../src/components/comment-thread/comment-thread.js';
import '../../src/define.js';
import type { Comment } from '../../src/model/schemas.js';
import { sanitizerOptions } from '../../src/sanitize.js';
import { article, field, fill, loaded, part, parts, scripted, shadow } from '../helpers.js';
import { assertInert, assertNothingRan, installRecorders, settle } from './harness.js';
import { payloads } from './payloads.js';

const recorded = installRecorders();
const nativeSanitizer = typeof (Element.prototype as { setHTML?: unknown }).setHTML === 'function';

/** Two comments per payload: an HTML one carrying it in every field, and a text reply carrying it in its body and name. */
function hostile(prefix = ''): Comment[] {
  return payloads.flatMap(({ value }, i) => [
    {
      id: `${prefix}h${i}`,
      parentId: null,
      author: { name: value, url: value, avatarUrl: value },
      createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(),
      body: { format: 'html', value },
      status: 'approved',
      permalink: value,
    },
    {
      id: `${prefix}t${i}`,
      parentId: `${prefix}h${i}`,
      author: { name: value, url: `https://reader.example/${i}`, avatarUrl: `https://avatars.example/${i}.png` },
      createdAt: new Date(Date.UTC(2020, 0, 2, 0, 0, i)).toISOString(),
      body: { format: 'text', value },
      status: 'approved',
      permalink: `https://blog.example/posts/1#comment-${i}`,
    },
  ]);
}

/** Renders, waits until every comment is in the DOM and every body sanitized, then lets anything settle. */
async function renderAll(template: ReturnType<typeof html>, expected: number): Promise<CommentThread> {
  const el = await fixture<CommentThread>(template);
  await loaded(el);
  await waitUntil(() => parts(el, 'comment').length === expected, `${expected} comments rendered`, { timeout: 20000 });
  await waitUntil(() => !shadow(el).querySelector('[part~="body"][aria-busy]'), 'bodies sanitized', { timeout: 10000 });
  await settle(shadow(el));
  return el;
}

/** What the test can say about each payload's rendering besides "inert": text fields show the text. */
function assertShownAsText(el: CommentThread, prefix = '') {
  payloads.forEach(({ value }, i) => {
    const reply = article(el, `${prefix}t${i}`)!;
    expect(reply, `comment ${prefix}t${i}`).to.exist;
    expect(reply.querySelector('[part~="author"]')!.textContent, `name of payload ${i}`).to.equal(value);
    const body = reply.querySelector('[part~="body"]')!.textContent!.replace(/\s+/g, '');
    expect(body, `text body of payload ${i}`).to.equal(value.replace(/\s+/g, ''));
    // A safe URL stays a link, with the avatar and permalink kept: the checks do not pass by dropping everything.
    expect(reply.querySelector('[part~="author-link"]')!.getAttribute('href')).to.equal(`https://reader.example/${i}`);
    // Its address is its src once near the viewport, data-src until then (templates/avatar.ts).
    const avatar = reply.querySelector<HTMLImageElement>('[part~="avatar"]')!;
    expect(avatar.getAttribute('src') ?? avatar.dataset.src).to.equal(`https://avatars.example/${i}.png`);
    expect(reply.querySelector('[part~="permalink"]')!.getAttribute('href')).to.equal(`https://blog.example/posts/1#comment-${i}`);
    const top = article(el, `${prefix}h${i}`)!;
    expect(top.querySelector('[part~="author"]')!.textContent, `name of payload ${i}`).to.equal(value);
  });
}

async function resetStore(store: string, comments: Comment[]) {
  const response = await fetch(`/test-api/reset/${store}`, { method: 'POST', body: JSON.stringify({ comments }) });
  expect(response.ok).to.equal(true);
}

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  recorded.calls.length = 0;
  recorded.violations.length = 0;
});
afterEach(() => {
  sanitizerOptions.forceFallback = false;
});

describe('the XSS corpus', () => {
  it('holds at least 150 distinct payloads in every category the issue names', () => {
    const values = new Set(payloads.map((p) => p.value));
    expect(values.size).to.equal(payloads.length);
    expect(payloads.length).to.be.at.least(150);
    const categories = new Set(payloads.map((p) => p.category));
    for (const c of ['script', 'event-handler', 'url-scheme', 'svg', 'mathml', 'frame', 'meta-base-form', 'css', 'mutation', 'encoding', 'clobbering']) {
      expect(categories.has(c as never), c).to.equal(true);
    }
  });

  it('has detectors that do notice a payload that runs (positive control)', async () => {
    const box = document.createElement('div');
    document.body.append(box);
    // What the element must never do: put backend HTML in the page unsanitized.
    box.innerHTML = '<img src="/no-such-image.png" onerror="alert(1)"><img src="/no-such-image-2.png" onerror="__xss()">';
    await waitUntil(() => recorded.calls.length === 2, 'the control payloads ran', { timeout: 10000 });
    box.remove();
    expect(recorded.calls).to.have.members(['alert(1)', '__xss()']);
    recorded.calls.length = 0;
  });
});

for (const path of ['native setHTML', 'DOMPurify fallback'] as const) {
  describe(`the corpus through the model's fields (${path})`, () => {
    beforeEach(function () {
      if (path === 'native setHTML' && !nativeSanitizer) this.skip();
      sanitizerOptions.forceFallback = path === 'DOMPurify fallback';
    });

    it('memory adapter: nothing runs, the rendering is inert, text stays text', async function () {
      this.timeout(60000);
      const comments = hostile();
      const el = await renderAll(
        html`<comment-thread loading="eager" post-id="1" .adapter=${memory({ comments })}></comment-thread>`,
        comments.length,
      );
      expect(assertInert(el)).to.be.greaterThan(comments.length * 5);
      assertShownAsText(el);
      assertNothingRan(recorded);
    });

    it('rest adapter over HTTP: nothing runs, the rendering is inert, text stays text', async function () {
      this.timeout(60000);
      const comments = hostile('r');
      await resetStore('xss-rest', comments);
      const el = await renderAll(
        html`<comment-thread loading="eager" post-id="1" backend="rest" endpoint="/test-api/rest/xss-rest"></comment-thread>`,
        comments.length,
      );
      expect(assertInert(el)).to.be.greaterThan(comments.length * 5);
      assertShownAsText(el, 'r');
      assertNothingRan(recorded);
    });

    it('json adapter over HTTP: nothing runs, the rendering is inert, text stays text', async function () {
      this.timeout(60000);
      const comments = hostile('j');
      await resetStore('xss-json', comments);
      const el = await renderAll(
        html`<comment-thread loading="eager" post-id="1" backend="json" endpoint="/test-api/json/xss-json/{postId}.json"></comment-thread>`,
        comments.length,
      );
      expect(assertInert(el)).to.be.greaterThan(comments.length * 5);
      assertShownAsText(el, 'j');
      assertNothingRan(recorded);
    });
  });
}

describe('the corpus through error messages', () => {
  it('a load error from the adapter shows each payload as text', async function () {
    this.timeout(60000);
    let i = 0;
    const adapter = scripted({
      list: async () => {
        throw new CommentThreadError('rejected', 'refused', { status: 403, serverMessage: payloads[i]!.value });
      },
    });
    const el = await fixture<CommentThread>(html`<comment-thread loading="eager" post-id="1" .adapter=${adapter}></comment-thread>`);
    for (i = 0; i < payloads.length; i++) {
      await el.reload();
      await el.updateComplete;
      const error = part(el, 'error-state')!;
      expect(error.querySelector('[part~="error"]')!.textContent).to.contain(readable(payloads[i]!.value));
      assertInert(el);
    }
    await settle(shadow(el));
    assertNothingRan(recorded);
  });

  it('the rest server\'s error messages, on load and on submit, show as text', async function () {
    this.timeout(60000);
    const failures = payloads.flatMap(({ value }) => [
      { method: 'GET', status: 400, body: { error: { code: value, message: value } }, times: 1 },
    ]);
    await fetch('/test-api/reset/xss-errors', { method: 'POST', body: JSON.stringify({ comments: [], failures }) });
    const el = await fixture<CommentThread>(
      html`<comment-thread loading="eager" post-id="1" min-fill-time="0" backend="rest" endpoint="/test-api/rest/xss-errors"></comment-thread>`,
    );
    for (const { value } of payloads) {
      await el.reload();
      await el.updateComplete;
      expect(part(el, 'error-state')!.textContent).to.contain(readable(value));
      assertInert(el);
    }
    // Now it loads; each submit is refused with a hostile message, shown and announced as text.
    await fetch('/test-api/reset/xss-errors', {
      method: 'POST',
      body: JSON.stringify({
        comments: [],
        failures: payloads.map(({ value }) => ({ method: 'POST', status: 400, body: { error: { code: 'x', message: value } }, times: 1 })),
      }),
    });
    await el.reload();
    await loaded(el);
    const form = shadow(el).querySelector<HTMLFormElement>('#form-top')!;
    fill(form, { content: 'Hello', name: 'Ann', email: 'ann@example.org' });
    for (const { value } of payloads) {
      const failed = new Promise((resolve) => el.addEventListener('comment-error', resolve, { once: true }));
      form.requestSubmit();
      await failed;
      await el.updateComplete;
      expect(form.querySelector('[part~="error"]')!.textContent).to.equal(readable(value));
      expect(part(el, 'status')!.textContent!.replace(/\u00a0$/, '')).to.equal(readable(value));
      expect(field<HTMLTextAreaElement>(form, 'Comment').value, 'the draft is kept').to.equal('Hello');
      assertInert(el);
    }
    await settle(shadow(el));
    assertNothingRan(recorded);
  });
});

