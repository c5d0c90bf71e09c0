// examples/vue, examples/svelte and examples/astro, built as their authors build them (`vite build`,
// `astro build`) and run in Chromium. Each build happens in a temporary copy whose node_modules links to
// this package (its build, dist/) and to the framework packages this repository installs as dev
// dependencies, so the test needs no network and no install.
// In each page: the thread shows the example's comments (so the framework handed the element its
// `adapter` as a property), a comment posted through the form reaches the framework's own
// `comment-submitted` handler, whose state the page then shows, and nothing fails in the console.
/* global process -- Node's */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each example: the packages its build needs from this repository, and its build command. */
const examples = {
  vue: { packages: ['vue', '@vitejs/plugin-vue', 'vite'], build: ['node_modules/vite/bin/vite.js', 'build'] },
  svelte: {
    packages: ['svelte', '@sveltejs/vite-plugin-svelte', 'vite'],
    build: ['node_modules/vite/bin/vite.js', 'build'],
  },
  astro: { packages: ['astro'], build: ['node_modules/astro/astro.js', 'build'] },
};

function copyExample(name) {
  const dir = mkdtempSync(join(tmpdir(), `comment-thread-${name}-`));
  cpSync(join(root, 'examples', name), dir, {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist|\.astro)$/.test(src),
  });
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules/comment-thread'), 'dir');
  for (const pkg of examples[name].packages) {
    mkdirSync(dirname(join(dir, 'node_modules', pkg)), { recursive: true });
    symlinkSync(join(root, 'node_modules', pkg), join(dir, 'node_modules', pkg), 'dir');
  }
  return dir;
}

async function build(name) {
  const dir = copyExample(name);
  // Astro would send anonymous usage data at the end of a build: none leaves a test.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  await promisify(execFile)(process.execPath, examples[name].build, { cwd: dir, env });
  return dir;
}

const built = {}; // name → { dir, site }
let browser;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/define.js')), 'dist/ is missing: run npm run build first');
  // The three builds at once: Astro's is the longest, the two Vite builds fit beside it.
  const dirs = await Promise.all(Object.keys(examples).map(build));
  for (const [i, name] of Object.keys(examples).entries()) {
    built[name] = { dir: dirs[i], site: await serve({ root: join(dirs[i], 'dist') }) };
  }
  browser = await chromium.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
});

after(async () => {
  await browser?.close();
  for (const { dir, site } of Object.values(built)) {
    site.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Opens an example's page; `errors` collects uncaught exceptions and console errors. */
async function open(name) {
  const context = await browser.newContext();
  // The form refuses a comment sent faster than a person types (min-fill-time): the test moves the page's
  // clock on instead of waiting.
  await context.clock.install();
  // The examples have no icon: the browser's own request for one is not a failure of the page.
  await context.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await tab.goto(`${built[name].site.url}/`);
  return { tab, context, errors };
}

/** Checks the seeded comments show, posts one as `author`, and waits for the page's own state to say so. */
async function postThroughThePage(tab, { seeded, author, text }) {
  const thread = tab.locator('comment-thread');
  for (const body of seeded) await thread.locator('[part~="body"]', { hasText: body }).waitFor();
  await thread.getByRole('textbox', { name: 'Comment' }).fill(text);
  await thread.getByRole('textbox', { name: 'Name' }).fill(author);
  await thread.getByRole('textbox', { name: 'Email' }).fill(`${author.toLowerCase()}@example.org`);
  await tab.clock.fastForward(5000);
  await thread.getByRole('button', { name: 'Post Comment' }).click();
  await thread.locator('[part~="body"]', { hasText: text }).waitFor();
  await tab.locator('#posted', { hasText: `1 posted from this page, last by ${author}` }).waitFor();
}

describe('examples/vue', () => {
  it('binds the adapter with .prop and hears comment-submitted in a Vue handler', async () => {
    const { tab, context, errors } = await open('vue');
    await postThroughThePage(tab, {
      seeded: ['Rendered by Vue, upgraded by the element.', 'And the adapter went in as a property.'],
      author: 'Vee',
      text: 'Posted through Vue',
    });
    const element = tab.locator('comment-thread');
    assert.equal(await element.getAttribute('post-id'), 'hello-vue');
    assert.equal(await element.getAttribute('adapter'), null, 'the adapter is a property, not an attribute');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('examples/svelte', () => {
  it('passes {adapter} as a property and hears oncomment-submitted in Svelte state', async () => {
    const { tab, context, errors } = await open('svelte');
    await postThroughThePage(tab, {
      seeded: ['Mounted by Svelte, upgraded by the element.', 'Svelte saw the adapter property and set it.'],
      author: 'Sven',
      text: 'Posted through Svelte',
    });
    const element = tab.locator('comment-thread');
    assert.equal(await element.getAttribute('post-id'), 'hello-svelte');
    assert.equal(await element.getAttribute('adapter'), null, 'the adapter is a property, not an attribute');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('examples/astro', () => {
  it('writes the comments into the static HTML inside the element, with the script that registers it', () => {
    const html = readFileSync(join(built.astro.dir, 'dist/index.html'), 'utf8');
    const element = /<comment-thread post-id="hello-astro">([\s\S]*?)<\/comment-thread>/.exec(html);
    assert.ok(element, 'no <comment-thread post-id="hello-astro"> in the built page');
    assert.match(element[1], /<li id="comment-1" [^>]*>[\s\S]*Written into the page when Astro built it\./);
    assert.match(element[1], /<ol class="children"><li id="comment-2" [\s\S]*Then the element took over/);
    const script = /<script type="module" src="(\/_astro\/[^"]+\.js)"><\/script>/.exec(html);
    assert.ok(script, 'no module script in the built page');
    assert.ok(existsSync(join(built.astro.dir, 'dist', script[1])), `${script[1]} was not built`);
  });

  it('upgrades the element in the browser, and the page script hears comment-submitted', async () => {
    const { tab, context, errors } = await open('astro');
    await postThroughThePage(tab, {
      seeded: ['Written into the page when Astro built it.', 'Then the element took over in the browser.'],
      author: 'Asta',
      text: 'Posted on the Astro page',
    });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
