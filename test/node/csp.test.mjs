// The script-tag build under a strict Content-Security-Policy, with a real header, in Chromium: a page
// served with `default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'`
// (plus the backend, on another origin, in `connect-src`) loads dist/comment-thread.js, renders a thread,
// opens a reply form and posts. No CSP violation may be reported (console or securitypolicyviolation).
// A control page with one inline script proves the same checks do see a violation.
/* global URL -- Node's */
/* global window, document, getComputedStyle -- in page.evaluate callbacks, which run in the page */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
let site;
let backend;
let browser;
const posted = [];

const comments = [
  { id: '1', parentId: null, author: { name: 'Ann', url: 'https://ann.example' }, createdAt: '2020-01-01T00:00:00Z', body: { format: 'html', value: '<p>Hello <em>there</em>, <a href="https://example.org">a link</a>.</p>' }, status: 'approved' },
  { id: '2', parentId: '1', author: { name: 'Bob' }, createdAt: '2020-01-02T00:00:00Z', body: { format: 'text', value: 'A reply.' }, status: 'approved' },
];

const policy = (api, extra = '') =>
  `default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self' ${api}${extra}`;

function page(body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP</title>
<script type="module" src="/dist/comment-thread.js"></script></head><body>${body}</body></html>`;
}

before(async () => {
  assert.ok(existsSync(`${root}dist/comment-thread.js`), 'dist/comment-thread.js is missing: run npm run build first');
  // The comment server: the REST protocol, on its own origin, with CORS.
  backend = await serve({
    root: `${root}test/node`,
    routes: async (req, res) => {
      const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key', 'Access-Control-Allow-Methods': 'GET, POST' };
      if (req.method === 'OPTIONS') return res.writeHead(204, cors).end(), true;
      if (!req.url.startsWith('/api/posts/1/comments')) return false;
      const json = (status, data) => res.writeHead(status, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(data));
      if (req.method === 'GET') return json(200, { comments, total: comments.length, cursor: null }), true;
      let text = '';
      for await (const chunk of req) text += chunk;
      const draft = JSON.parse(text);
      posted.push(draft);
      const comment = { id: String(100 + posted.length), parentId: draft.parentId, author: { name: draft.author.name }, createdAt: new Date().toISOString(), body: { format: 'text', value: draft.content }, status: 'approved' };
      comments.push(comment);
      return json(201, { comment }), true;
    },
  });
  const api = `${backend.url}/api`;
  site = await serve({
    root,
    headers: () => ({ 'Content-Security-Policy': policy(backend.url) }),
    routes: async (req, res) => {
      const thread = page(`<comment-thread backend="rest" endpoint="${api}" post-id="1" loading="eager" min-fill-time="0"></comment-thread>`);
      const path = new URL(req.url, 'http://x').pathname;
      const signedIn = page(`<comment-thread backend="rest" endpoint="${api}" post-id="1" loading="eager" wp-nonce="0a1b2c3d4e" nonce="0a1b2c3d4e"></comment-thread>`);
      const html = { '/csp.html': thread, '/csp-no-worker.html': thread, '/csp-nonce.html': signedIn,
        '/csp-control.html': page('<script>window.ran = true</script><p>control</p>') }[path];
      if (!html) return false;
      // The same page under a policy that refuses workers: the date formatter is made without one.
      const extra = path === '/csp-no-worker.html' ? "; worker-src 'none'" : '';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy(backend.url, extra) });
      res.end(html);
      return true;
    },
  });
  browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
});

after(async () => {
  await browser?.close();
  site?.server.close();
  backend?.server.close();
});

/** A page that records CSP reports and console lines; the recorder is installed by the browser, not the page. */
async function open(path) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const consoleLines = [];
  const errors = [];
  const requests = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  tab.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  await tab.goto(`${site.url}${path}`);
  const violations = () => tab.evaluate(() => window.__violations);
  const cspLines = () => consoleLines.filter((line) => /Content Security Policy|Refused to/i.test(line));
  return { tab, context, violations, cspLines, errors, requests };
}

test('the control page: an inline script is blocked and reported (the checks can fail)', async () => {
  const { tab, context, violations, cspLines } = await open('/csp-control.html');
  await tab.waitForFunction(() => window.__violations.length > 0);
  assert.equal(await tab.evaluate(() => window.ran), undefined);
  assert.match((await violations())[0], /script-src/);
  assert.ok(cspLines().length > 0, 'the console reports it too');
  await context.close();
});

test('renders, opens a reply form and posts under a strict CSP, with no violation', async () => {
  const { tab, context, violations, cspLines, errors, requests } = await open('/csp.html');
  const thread = tab.locator('comment-thread');
  await thread.locator('[part~="comment"]').first().waitFor();
  assert.equal(await thread.locator('[part~="comment"]').count(), 2);
  assert.equal(await thread.locator('[part~="body"] em').first().textContent(), 'there');
  assert.equal(await thread.locator('[part~="body"] a').first().getAttribute('rel'), 'nofollow ugc noopener');
  // Styles applied (constructable stylesheets are allowed by style-src 'self'; inline <style> would not be).
  assert.equal(await thread.locator('[part~="heading"]').evaluate((h) => getComputedStyle(h).fontSize !== getComputedStyle(document.body).fontSize), true);

  await thread.locator('article[data-comment-id="1"] [part~="reply-button"]').click();
  const form = thread.locator('[part~="reply-form"]');
  await form.waitFor();
  assert.equal(await tab.evaluate(() => document.querySelector('comment-thread').shadowRoot.activeElement?.tagName), 'TEXTAREA');
  await form.locator('textarea[name="content"]').fill('Posted under a strict policy.');
  await form.locator('input[name="name"]').fill('Kim');
  await form.locator('input[name="email"]').fill('kim@example.org');
  await form.locator('[part~="submit-button"]').click();
  await thread.locator('[part~="comment"]', { hasText: 'Posted under a strict policy.' }).waitFor();
  assert.equal(posted.length, 1);
  assert.equal(posted[0].parentId, '1');
  assert.match(await thread.locator('[part~="status"]').textContent(), /Comment posted/);

  assert.deepEqual(await violations(), []);
  assert.deepEqual(cspLines(), []);
  assert.deepEqual(errors, []);
  // The worker that warms the date formatter ran, allowed by script-src 'self'.
  assert.ok(requests.some((path) => /\/dist\/chunks\/intl-warm-[\w-]+\.js$/.test(path)), 'the Intl worker was loaded');
  await context.close();
});

test('under a policy that refuses workers, dates are formatted all the same, with that one violation', async () => {
  const { tab, context, violations, errors } = await open('/csp-no-worker.html');
  const thread = tab.locator('comment-thread');
  await thread.locator('[part~="comment"]').first().waitFor();
  const expected = await tab.evaluate(() =>
    new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date('2020-01-01T00:00:00Z')),
  );
  assert.equal(await thread.locator('[part~="date"]').first().textContent(), expected);
  await tab.waitForFunction(() => window.__violations.length > 0);
  const seen = await violations();
  assert.ok(seen.length >= 1 && seen.every((v) => v.startsWith('worker-src')), `only the worker is refused: ${seen.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the wp-nonce attribute survives a page served with a CSP header, where a nonce attribute is blanked', async () => {
  const { tab, context } = await open('/csp-nonce.html');
  const thread = tab.locator('comment-thread');
  await thread.locator('[part~="comment"]').first().waitFor();
  const seen = await tab.evaluate(() => {
    const el = document.querySelector('comment-thread');
    return { nonce: el.getAttribute('nonce'), wpNonce: el.getAttribute('wp-nonce'), property: el.wpNonce };
  });
  // HTML's nonce hiding: the browser moves a nonce out of the content attribute on such pages.
  assert.equal(seen.nonce, '');
  assert.equal(seen.wpNonce, '0a1b2c3d4e');
  assert.equal(seen.property, '0a1b2c3d4e');
  await context.close();
});
