// The "from everywhere" demo page in Chromium, served as `npm run demo` serves it (the built script, and
// the Mastodon, Bluesky and Webmention APIs answered locally by scripts/demo-everywhere.mjs): one thread
// from the site's own backend and the three services, each comment badged, the likes and reposts summed;
// then Bluesky down: the others stay, a note names it, and Retry asks Bluesky alone again.
/* global URL -- Node's */
/* global document -- in page callbacks, which run in the page */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { everywhere, outage } from '../../scripts/demo-everywhere.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
let site;
let browser;

before(async () => {
  assert.ok(existsSync(`${root}dist/comment-thread.js`), 'dist/comment-thread.js is missing: run npm run build first');
  site = await serve({ root, routes: everywhere });
  browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

/** The ids of the comments shown, by service ("site" for the site's own). */
const shown = (page) =>
  page.evaluate(() => {
    const root = document.querySelector('comment-thread').shadowRoot;
    const by = {};
    for (const a of root.querySelectorAll('article[data-comment-id]')) {
      const id = a.dataset.commentId;
      const service = /^(mastodon|bluesky|webmention):/.exec(id)?.[1] ?? 'site';
      (by[service] ??= []).push(id);
    }
    return by;
  });
// Until the element is defined it has no shadow root: the predicate waits through that (a throw would end the wait).
const inThread = (page, selector) =>
  page.waitForFunction((s) => document.querySelector('comment-thread')?.shadowRoot?.querySelector(s), selector, { timeout: 20000 });
const text = (page, selector) => page.evaluate((s) => document.querySelector('comment-thread').shadowRoot.querySelector(s)?.textContent.trim() ?? null, selector);

test('shows one thread from the site, Mastodon, Bluesky and Webmentions, badged, with the likes and reposts summed', async () => {
  outage.bluesky = false;
  const page = await browser.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${site.url}/demo/everywhere.html`);
    await inThread(page, 'article[data-comment-id^="bluesky:"]');
    await inThread(page, 'article[data-comment-id^="webmention:"]');
    await inThread(page, '[part~="reactions-count"]');
    const by = await shown(page);
    assert.deepEqual(Object.keys(by).sort(), ['bluesky', 'mastodon', 'site', 'webmention']);
    assert.ok(by.site.includes('site-1') && by.site.includes('site-2'));
    assert.equal(await text(page, 'article[data-comment-id^="mastodon:"] [part~="source-badge"]'), 'on Mastodon');
    assert.equal(await text(page, 'article[data-comment-id="site-1"] [part~="source-badge"]'), null);
    // Mastodon 14 + 3, Bluesky 9 + 2, Webmention 5 + 1.
    assert.equal(await text(page, '[part~="reactions-count"]'), '28 likes, 6 reposts');
    assert.match(await text(page, '[part~="reply-links"]'), /Reply on Mastodon[\s\S]*Reply on Bluesky[\s\S]*Reply from your own site/);
    // The adapters asked the APIs, the Bluesky post found from the account by the page's URL.
    for (const path of ['/api/v1/statuses/109384210000000000/context', '/xrpc/app.bsky.feed.searchPosts', '/xrpc/app.bsky.feed.getPostThread', '/api/mentions.jf2']) {
      assert.ok(requests.includes(path), `${path} was requested`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('Bluesky down: the others stay, a note names it, and Retry asks Bluesky alone', async () => {
  outage.bluesky = false;
  const page = await browser.newPage();
  const requests = [];
  // The APIs' requests (fetch), not the faces' images.
  page.on('request', (r) => r.resourceType() === 'fetch' && requests.push(new URL(r.url()).pathname));
  try {
    await page.goto(`${site.url}/demo/everywhere.html`);
    await inThread(page, 'article[data-comment-id^="bluesky:"]');
    await page.check('#bluesky-down');
    await inThread(page, '[part~="source-notice"]');
    assert.equal(await text(page, '[part~="source-notice"] [part~="retry-button"]'), 'Retry');
    assert.match(await text(page, '[part~="source-notice"]'), /Bluesky/);
    const by = await shown(page);
    assert.equal(by.bluesky, undefined);
    assert.ok(by.mastodon.length && by.webmention.length && by.site.length);
    assert.match(await page.textContent('#log'), /comment-error: source "bluesky", http 503/);

    await page.uncheck('#bluesky-down');
    const from = requests.length;
    await page.locator('comment-thread').locator('[part~="retry-button"]').click();
    await inThread(page, 'article[data-comment-id^="bluesky:"]');
    await page.waitForFunction(() => !document.querySelector('comment-thread').shadowRoot.querySelector('[part~="source-notice"]'));
    const asked = requests.slice(from);
    assert.ok(asked.includes('/xrpc/app.bsky.feed.getPostThread'), 'Bluesky was asked again');
    const others = asked.filter((path) => !path.startsWith('/xrpc/') && path !== '/demo/everywhere/outage');
    assert.deepEqual(others, [], 'no other service was asked again');
  } finally {
    await page.close();
    outage.bluesky = false;
  }
});
