// npm run demo: builds dist/ and serves the demo pages, which load dist/comment-thread.js as a site
// owner's page would. PORT (default 5173) and HOST (default 127.0.0.1) choose where; WP_URL, when set,
// makes the WordPress page show that site's post.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { everywhere } from './demo-everywhere.mjs';
import { serve } from './serve.mjs';

/**
 * The backends page runs the adapters from source, as a developer's app would import them, over the
 * recorded fixtures: TypeScript modules are compiled on request (and `x.js` imports find `x.ts`).
 */
async function typescript(req, res) {
  const path = new URL(req.url, 'http://localhost').pathname;
  if (!/^\/(src|test\/fixtures|docs)\/.*\.(js|ts)$/.test(path)) return false;
  const file = `.${path}`.replace(/\.js$/, '.ts');
  if (!existsSync(file)) return false;
  const { code } = await transform(readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    sourcefile: file,
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(code);
  return true;
}

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const { url } = await serve({
  root: '.',
  port,
  host,
  async routes(req, res) {
    if (await typescript(req, res)) return true;
    // The "from everywhere" page's Mastodon, Bluesky and Webmention APIs, answered from fixtures.
    if (await everywhere(req, res)) return true;
    if (req.url === '/') {
      res.writeHead(302, { Location: '/demo/' });
      res.end();
      return true;
    }
    if (req.url === '/demo/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ wordpress: process.env.WP_URL ?? null }));
      return true;
    }
    return false;
  },
});
console.log(`\n  comment-thread demo: ${url}/demo/\n  (Ctrl+C to stop)\n`);
