// node scripts/screenshots.mjs [lang …]: pictures of the model thread (test/fixtures.ts) in right-to-left
// languages (ar and he unless named), light and dark, at desktop (1024 px) and phone (360 px) widths,
// written to docs/screenshots/LANG-SCHEME-WIDTH.png. The element runs from source, bundled by esbuild, on
// a page served from memory; the comments stay in English, as on a real site where readers write in
// their own language, so each picture also shows bodies and names reading by their own script.
// The functions passed to tab.evaluate and waitForFunction run in the page.
/* global document, requestAnimationFrame */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from './chromium.mjs';
import { modelThreadFiles } from './model-thread-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'screenshots');
const langs = process.argv.slice(2).length ? process.argv.slice(2) : ['ar', 'he'];
const widths = [1024, 360];
const schemes = ['light', 'dark'];
const origin = 'http://comment-thread.test';

// The page a site owner would write, in the language; the thread is set up by the bundle below.
const page = (lang) => `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <style>
      body { margin: 0; padding: 16px; background: Canvas; color: CanvasText; font-family: system-ui, sans-serif; }
    </style>
    <script type="module" src="/thread.js"></script>
  </head>
  <body>
    <comment-thread loading="eager" post-id="model" dates="absolute" min-fill-time="0"></comment-thread>
  </body>
</html>`;

const files = await modelThreadFiles(root);

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: chromiumArgs });
try {
  for (const lang of langs) {
    for (const scheme of schemes) {
      for (const width of widths) {
        const context = await browser.newContext({
          locale: lang,
          timezoneId: 'UTC',
          colorScheme: scheme,
          viewport: { width, height: 800 },
          deviceScaleFactor: 1,
        });
        const tab = await context.newPage();
        await tab.route(`${origin}/**`, (route) => {
          const path = new URL(route.request().url()).pathname;
          if (path === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: page(lang) });
          const file = files[path];
          return file
            ? route.fulfill({ contentType: file[0], body: Buffer.from(file[1]) })
            : route.fulfill({ status: 404 });
        });
        await tab.goto(`${origin}/`);
        const thread = tab.locator('comment-thread');
        // Loaded, in the language's own words (English when no catalog is shipped for it), avatars in.
        await tab.waitForFunction(
          (tag) => {
            const shadow = document.querySelector(tag)?.shadowRoot;
            if (!shadow || shadow.querySelector('[part~="thread"]')?.getAttribute('aria-busy') !== 'false')
              return false;
            return [...shadow.querySelectorAll('img')].every((img) => img.complete);
          },
          'comment-thread',
          { timeout: 30_000 },
        );
        await tab
          .waitForFunction(
            () => {
              const title = document
                .querySelector('comment-thread')
                .shadowRoot.querySelector('#form-top [part~="form-title"]');
              return (
                title &&
                (document.documentElement.lang.startsWith('en') || title.textContent.trim() !== 'Leave a Reply')
              );
            },
            undefined,
            { timeout: 10_000 },
          )
          .catch(() => console.warn(`${lang}: no catalog, the words are English`));
        // Every comment on screen at once: list items off screen are not painted (content-visibility: auto).
        const height = Math.ceil(await thread.evaluate((el) => el.getBoundingClientRect().height)) + 32;
        await tab.setViewportSize({ width, height });
        await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const path = join(out, `${lang}-${scheme}-${width}.png`);
        await thread.screenshot({ path, animations: 'disabled' });
        console.log(`wrote ${path.slice(root.length + 1)}`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}
