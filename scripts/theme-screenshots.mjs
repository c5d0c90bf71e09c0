// node scripts/theme-screenshots.mjs [theme …]: pictures of the model thread (test/fixtures.ts) in each
// ready theme (themes/*.css) and in the element's own look ("default"), light and dark, at 720 px, written
// to docs/screenshots/themes/THEME-SCHEME.png. The page is the one a site owner writes: it declares
// `color-scheme: light dark`, links the theme's file and paints its own Canvas; the reader's preference
// (Playwright's colorScheme) picks the scheme, which the thread follows. The element runs from source,
// bundled by esbuild, on a page served from memory. A reply form is opened so fields and buttons show.
// The functions passed to tab.evaluate and waitForFunction run in the page.
/* global document, requestAnimationFrame */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from './chromium.mjs';
import { modelThreadFiles } from './model-thread-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots', 'themes');
const all = ['default', ...readdirSync(join(root, 'themes')).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4))];
const themes = process.argv.slice(2).length ? process.argv.slice(2) : all;
const schemes = ['light', 'dark'];
const width = 720;
const origin = 'http://comment-thread.test';

const page = (theme) => `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <style>
      body { margin: 0; padding: 24px; background: Canvas; color: CanvasText; font: 17px/1.6 system-ui, sans-serif; }
    </style>
    ${theme === 'default' ? '' : `<link rel="stylesheet" href="/themes/${theme}.css" />`}
    <script type="module" src="/thread.js"></script>
  </head>
  <body>
    <comment-thread loading="eager" post-id="model" dates="absolute" min-fill-time="0"></comment-thread>
  </body>
</html>`;

const files = await modelThreadFiles(root);
for (const theme of all.filter((t) => t !== 'default'))
  files[`/themes/${theme}.css`] = ['text/css', readFileSync(join(root, 'themes', `${theme}.css`))];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: chromiumArgs });
try {
  for (const theme of themes) {
    if (!all.includes(theme)) throw new Error(`no theme ${theme}: ${all.join(', ')}`);
    for (const scheme of schemes) {
      const context = await browser.newContext({
        locale: 'en-GB',
        timezoneId: 'UTC',
        colorScheme: scheme,
        viewport: { width, height: 800 },
        deviceScaleFactor: 1,
      });
      const tab = await context.newPage();
      await tab.route(`${origin}/**`, (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(theme) });
        const file = files[path];
        return file ? route.fulfill({ contentType: file[0], body: Buffer.from(file[1]) }) : route.fulfill({ status: 404 });
      });
      await tab.goto(`${origin}/`);
      // Loaded, avatars in.
      await tab.waitForFunction(
        () => {
          const shadow = document.querySelector('comment-thread')?.shadowRoot;
          if (!shadow || shadow.querySelector('[part~="thread"]')?.getAttribute('aria-busy') !== 'false') return false;
          // A theme may hide avatars (minimal): a lazy image not shown never loads, and need not.
          return [...shadow.querySelectorAll('img')].every((img) => img.complete || !img.checkVisibility());
        },
        undefined,
        { timeout: 30_000 },
      );
      // A reply form open under the first comment: fields, labels and both kinds of button in the picture.
      await tab.evaluate(() => document.querySelector('comment-thread').shadowRoot.querySelector('[part~="reply-button"]').click());
      await tab.waitForFunction(() => document.querySelector('comment-thread').shadowRoot.querySelector('[part~="reply-form"]'), undefined, {
        timeout: 10_000,
      });
      await tab.evaluate(() => document.activeElement?.blur());
      // Every comment on screen at once: list items off screen are not painted (content-visibility: auto).
      const height = Math.ceil(await tab.evaluate(() => document.body.getBoundingClientRect().height));
      await tab.setViewportSize({ width, height });
      await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const path = join(out, `${theme}-${scheme}.png`);
      await tab.screenshot({ path, fullPage: true, animations: 'disabled' });
      console.log(`wrote ${path.slice(root.length + 1)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
