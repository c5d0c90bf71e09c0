// The script tag's loader, on the real build in Chromium: what a page fetches while its thread is far
// below the viewport (the loader only), and what brings the element's chunk in: the page going idle
// after its load event, the thread coming near, a link to one comment, `loading="eager"`, an element
// added later. Idle is made controllable: the page's requestIdleCallback only queues, and the test
// runs the queue when it says (one test keeps the browser's own and checks the order by resource timing).
/* global URL -- Node's */
/* global window, document, customElements, performance, location, requestAnimationFrame -- in page.evaluate callbacks */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
let site;
let browser;
const apiRequests = [];

const comments = [
  { id: '1', parentId: null, author: { name: 'Ann' }, createdAt: '2020-01-01T00:00:00Z', body: { format: 'text', value: 'First.' }, status: 'approved' },
  { id: '2', parentId: '1', author: { name: 'Bob' }, createdAt: '2020-01-02T00:00:00Z', body: { format: 'text', value: 'A reply.' }, status: 'approved' },
];

const thread = (attributes = '') =>
  `<comment-thread backend="rest" endpoint="/api" post-id="1" min-fill-time="0" ${attributes}></comment-thread>`;

/** An article far taller than the viewport, then `tail` (the comments). */
const page = (tail) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loader</title>
<script type="module" src="/dist/comment-thread.js"></script></head>
<body><article style="height: 20000px">The article.</article>${tail}</body></html>`;

const pages = {
  '/far.html': page(thread()),
  '/far-eager.html': page(thread('loading="eager"')),
  '/none.html': page(''),
  '/server-rendered.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loader</title>
<script type="module" src="/dist/comment-thread.js"></script></head><body>
<comment-thread backend="rest" endpoint="/api" post-id="9"><ol class="comment-list"><li class="comment" id="comment-7"><div class="comment-author"><b class="fn">Cy</b></div><time datetime="2020-01-03T00:00:00Z">3 January 2020</time><div class="comment-content"><p>Server-rendered.</p></div></li></ol></comment-thread>
<article style="height: 20000px"></article><comment-thread backend="rest" endpoint="/api" post-id="2"></comment-thread></body></html>`,
};

before(async () => {
  assert.ok(existsSync(`${root}dist/comment-thread.js`), 'dist/comment-thread.js is missing: run npm run build first');
  site = await serve({
    root,
    routes: (req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path.startsWith('/api/')) {
        apiRequests.push(path);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ comments, total: 2, cursor: null }));
        return true;
      }
      if (!pages[path]) return false;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages[path]);
      return true;
    },
  });
  browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

/** Opens `path`, recording every request's path; with `holdIdle`, idle callbacks wait in `window.__idle`. */
async function open(path, { holdIdle = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const tab = await context.newPage();
  const requests = [];
  const errors = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  tab.on('pageerror', (error) => errors.push(String(error)));
  if (holdIdle) {
    await tab.addInitScript(() => {
      window.__idle = [];
      window.requestIdleCallback = (callback) => window.__idle.push(callback);
    });
  }
  await tab.goto(`${site.url}${path}`, { waitUntil: 'load' });
  const chunks = () => requests.filter((p) => p.startsWith('/dist/chunks/'));
  const elementChunk = () => chunks().filter((p) => /^\/dist\/chunks\/comment-thread-[\w-]+\.js$/.test(p));
  /** Two frames: the IntersectionObserver's first notifications have been delivered. */
  const settle = () => tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { context, tab, requests, errors, chunks, elementChunk, settle };
}

const defined = (tab) => tab.evaluate(() => customElements.get('comment-thread') !== undefined);

test('far below the fold only the loader is fetched until the page is idle; then the element, still without its comments', async () => {
  const { context, tab, requests, errors, chunks, elementChunk, settle } = await open('/far.html');
  await tab.waitForFunction(() => window.__idle.length === 1);
  await settle();
  assert.deepEqual(
    requests.filter((p) => p.startsWith('/dist/')),
    ['/dist/comment-thread.js'],
    'only the loader before idle',
  );
  assert.equal(await defined(tab), false);

  await tab.evaluate(() => window.__idle.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 })));
  await tab.waitForFunction(() => customElements.get('comment-thread') !== undefined);
  assert.equal(elementChunk().length, 1);
  await settle();
  // The element keeps its own lazy loading: no comments fetched while it is still far away.
  const before = await tab.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/')).length);
  assert.equal(before, 0, 'no comments requested while the thread is far below');
  // Its adapter came with the element's code: ready, like the element, when the reader arrives.
  assert.ok(chunks().some((p) => /\/rest-[\w-]+\.js$/.test(p)), 'the adapter chunk came with the element');

  await tab.evaluate(() => document.querySelector('comment-thread').scrollIntoView());
  await tab.locator('comment-thread [part~="body"]', { hasText: 'A reply.' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("with the browser's own idle, the element's chunk is fetched after the page's load event, not before", async () => {
  const { context, tab, elementChunk } = await open('/far.html', { holdIdle: false });
  await tab.waitForFunction(() => customElements.get('comment-thread') !== undefined);
  assert.equal(elementChunk().length, 1);
  const timing = await tab.evaluate(() => ({
    loadEnd: performance.getEntriesByType('navigation')[0].loadEventEnd,
    chunk: performance.getEntriesByType('resource').find((e) => /\/chunks\/comment-thread-/.test(e.name))?.startTime,
  }));
  assert.ok(timing.loadEnd > 0 && timing.chunk >= timing.loadEnd, `chunk at ${timing.chunk} ms, load event ended at ${timing.loadEnd} ms`);
  await context.close();
});

test('scrolling the thread near fetches the element and renders the comments, idle or not', async () => {
  const { context, tab, elementChunk, settle } = await open('/far.html');
  await settle();
  assert.equal(elementChunk().length, 0);
  await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await tab.locator('comment-thread [part~="body"]', { hasText: 'First.' }).waitFor();
  assert.equal(elementChunk().length, 1);
  assert.equal(await tab.evaluate(() => window.__idle.length), 1, 'the idle callback never ran');
  await context.close();
});

test('a link to one comment (#comment-…) loads at once and shows it', async () => {
  const { context, tab, elementChunk } = await open('/far.html#comment-2');
  await tab.waitForFunction(() => customElements.get('comment-thread') !== undefined);
  await tab.locator('comment-thread article#comment-2').waitFor();
  assert.equal(elementChunk().length, 1);
  assert.equal(await tab.evaluate(() => window.__idle.length), 0, 'no idle wait was even scheduled');
  await context.close();
});

test('a later hashchange to #comment-… loads at once', async () => {
  const { context, tab, elementChunk, settle } = await open('/far.html');
  await settle();
  assert.equal(elementChunk().length, 0);
  await tab.evaluate(() => (location.hash = '#comment-1'));
  await tab.waitForFunction(() => customElements.get('comment-thread') !== undefined);
  assert.equal(elementChunk().length, 1);
  await context.close();
});

test('loading="eager" loads at once, far below the fold, before any idle', async () => {
  const { context, tab, elementChunk } = await open('/far-eager.html');
  await tab.locator('comment-thread [part~="body"]', { hasText: 'A reply.' }).waitFor();
  assert.equal(elementChunk().length, 1);
  assert.equal(await tab.evaluate(() => window.__idle.length), 0);
  await context.close();
});

test('an element added later is found; a page without one never fetches the element', async () => {
  const { context, tab, requests, elementChunk, settle } = await open('/none.html');
  await settle();
  assert.equal(await tab.evaluate(() => window.__idle.length), 0, 'no idle import for a page without an element');
  assert.deepEqual(requests.filter((p) => p.startsWith('/dist/')), ['/dist/comment-thread.js']);
  await tab.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<comment-thread backend="rest" endpoint="/api" post-id="1" loading="eager"></comment-thread>';
    document.body.append(box);
  });
  await tab.locator('comment-thread [part~="body"]', { hasText: 'First.' }).waitFor();
  assert.equal(elementChunk().length, 1);
  await context.close();
});

test('comments the server rendered stay visible, unstyled by the loader, until the element takes them over', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const tab = await context.newPage();
  // Hold the element's chunk: what the reader sees while it is on its way.
  let release;
  let asked;
  const held = new Promise((resolve) => (release = resolve));
  const requested = new Promise((resolve) => (asked = resolve));
  await tab.route(/\/chunks\/comment-thread-/, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  await tab.goto(`${site.url}/server-rendered.html`, { waitUntil: 'domcontentloaded' });
  const first = tab.locator('comment-thread').first();
  // The first thread is in view: the loader asks for the element at once.
  await requested;
  assert.equal(await defined(tab), false);
  const box = await first.locator('.comment-content').boundingBox();
  assert.ok(box && box.height > 0, 'the server-rendered comment is visible');
  assert.equal(await tab.evaluate(() => document.styleSheets.length), 0, 'the loader adds no style');
  release();
  await tab.waitForFunction(() => customElements.get('comment-thread') !== undefined);
  // The element shows the same comment from the markup, without asking the server for it.
  await first.locator('[part~="body"]', { hasText: 'Server-rendered.' }).waitFor();
  assert.deepEqual(apiRequests.filter((p) => p.startsWith('/api/posts/9/')), []);
  await context.close();
});

test("the thread's adapter and the Intl warm-up are asked for beside the element's chunk, not after it", async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const tab = await context.newPage();
  const requests = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // Hold the element's chunk: whatever is asked for meanwhile was asked for by the loader.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await tab.route(/\/chunks\/comment-thread-/, async (route) => {
    await held;
    await route.continue();
  });
  const adapter = tab.waitForRequest(/\/dist\/chunks\/rest-[\w-]+\.js$/);
  const warmUp = tab.waitForRequest(/\/dist\/chunks\/intl-warm-[\w-]+\.js$/);
  await tab.goto(`${site.url}/far-eager.html`, { waitUntil: 'domcontentloaded' });
  await adapter;
  await warmUp;
  assert.equal(await defined(tab), false, 'the element is still on its way');
  release();
  await tab.locator('comment-thread [part~="body"]', { hasText: 'A reply.' }).waitFor();
  assert.equal(requests.filter((p) => /\/chunks\/rest-/.test(p)).length, 1, 'the adapter was fetched once');
  await context.close();
});
