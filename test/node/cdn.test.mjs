// The script-tag build loaded from a CDN: a page on one origin loads dist/comment-thread.js from another
// origin (as from jsDelivr or unpkg), the thread renders, and the adapter's lazy chunk is fetched from the
// CDN's origin, relative to the script (vite's base './'). Module scripts from another origin are fetched
// with CORS: the "CDN" sends `Access-Control-Allow-Origin: *`, as jsDelivr and unpkg do. A control CDN
// without that header shows the check can fail: the script is refused and the element never defined.
/* global URL -- Node's */
/* global window, document, customElements -- in page.evaluate callbacks, which run in the page */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
const comments = [
  {
    id: '1',
    parentId: null,
    author: { name: 'Ann' },
    createdAt: '2020-01-01T00:00:00Z',
    body: { format: 'text', value: 'Served from elsewhere.' },
    status: 'approved',
  },
];
let cdn;
let bareCdn;
let site;
let browser;
const cdnRequests = [];

before(async () => {
  assert.ok(existsSync(`${root}dist/comment-thread.js`), 'dist/comment-thread.js is missing: run npm run build first');
  cdn = await serve({
    root: `${root}dist`,
    headers: (path) => (cdnRequests.push(path), { 'Access-Control-Allow-Origin': '*' }),
  });
  bareCdn = await serve({ root: `${root}dist` });
  site = await serve({
    root: `${root}test/node`,
    routes: (req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      if (path === '/api/posts/1/comments') {
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ comments, total: 1, cursor: null }));
        return true;
      }
      const from = { '/cdn.html': cdn.url, '/no-cors.html': bareCdn.url }[path];
      if (!from) return false;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CDN</title>
<script type="module" src="${from}/comment-thread.js" onerror="window.scriptFailed = true"></script></head>
<body><comment-thread backend="rest" endpoint="${site.url}/api" post-id="1" loading="eager"></comment-thread></body></html>`);
      return true;
    },
  });
  browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
});

after(async () => {
  await browser?.close();
  for (const server of [cdn, bareCdn, site]) server?.server.close();
});

test('the script from another origin renders the thread and loads its adapter chunk from that origin', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(`${site.url}/cdn.html`);
  const thread = tab.locator('comment-thread');
  await thread.locator('[part~="body"]', { hasText: 'Served from elsewhere.' }).waitFor();
  assert.ok(cdnRequests.includes('/comment-thread.js'));
  assert.ok(
    cdnRequests.some((p) => /^\/chunks\/rest-[\w-]+\.js$/.test(p)),
    `the rest adapter's chunk was not fetched from the CDN: ${cdnRequests.join(', ')}`,
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test('without Access-Control-Allow-Origin the module script is refused (the check above can fail)', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(`${site.url}/no-cors.html`);
  await tab.waitForFunction(() => window.scriptFailed === true);
  assert.equal(await tab.evaluate(() => customElements.get('comment-thread')), undefined);
  assert.equal(await tab.evaluate(() => document.querySelector('comment-thread').shadowRoot), null);
  await context.close();
});
