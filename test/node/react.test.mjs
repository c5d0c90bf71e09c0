// React: test/react/app.js bundled with vite from the built package (`comment-thread/*` resolves to
// dist/, react and react-dom from node_modules), served, and run in Chromium. The @lit/react wrapper sets
// `adapter` as a property (its seed comment shows) and maps `comment-load` and `comment-submit` to
// `onCommentLoad` and `onCommentSubmit`; React 19's own `<comment-thread adapter={…} oncomment-load={…}>`
// does the same without the wrapper.
/* global URL -- Node's */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
let out;
let site;
let browser;

before(async () => {
  assert.ok(existsSync(`${root}dist/react.js`), 'dist/react.js is missing: run npm run build first');
  out = mkdtempSync(join(tmpdir(), 'comment-thread-react-'));
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    mode: 'production',
    resolve: { alias: [{ find: /^comment-thread\/(.+)$/, replacement: `${root}dist/$1.js` }] },
    build: {
      outDir: out,
      emptyOutDir: false,
      minify: false,
      modulePreload: false,
      rolldownOptions: { input: `${root}test/react/app.js`, output: { entryFileNames: 'app.js' } },
    },
  });
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>React</title>' +
      '<script type="module" src="/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  site = await serve({ root: out });
  browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
});

after(async () => {
  await browser?.close();
  site?.server.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

async function open() {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await tab.goto(`${site.url}/`);
  return { tab, context, errors };
}

test('the @lit/react wrapper sets the adapter property and maps onCommentLoad and onCommentSubmit', async () => {
  const { tab, context, errors } = await open();
  const thread = tab.locator('#wrapped');
  await thread.locator('[part~="body"]', { hasText: 'Hello from the wrapper.' }).waitFor();
  await tab.locator('#wrapped-events', { hasText: 'loaded 1' }).waitFor();
  await thread.getByRole('textbox', { name: 'Comment' }).fill('Posted through React');
  await thread.getByRole('textbox', { name: 'Name' }).fill('Rea');
  await thread.getByRole('textbox', { name: 'Email' }).fill('rea@example.org');
  await thread.getByRole('button', { name: 'Post Comment' }).click();
  await tab.locator('#wrapped-submit', { hasText: 'submit Posted through React' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('React 19 renders <comment-thread> itself: adapter as a property, oncomment-load as a listener', async () => {
  const { tab, context, errors } = await open();
  await tab.locator('#native [part~="body"]', { hasText: 'Hello from React itself.' }).waitFor();
  await tab.locator('#native-events', { hasText: 'loaded 1' }).waitFor();
  assert.equal(await tab.locator('#native').getAttribute('post-id'), 'p2');
  assert.equal(await tab.locator('#native').getAttribute('adapter'), null);
  assert.deepEqual(errors, []);
  await context.close();
});
