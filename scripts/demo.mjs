// npm run demo: builds dist/ and serves the demo pages, which load dist/comment-thread.js as a site
// owner's page would. PORT (default 5173) and HOST (default 127.0.0.1) choose where; WP_URL, when set,
// makes the WordPress page show that site's post.
import { execFileSync } from 'node:child_process';
import { serve } from './serve.mjs';

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const { url } = await serve({
  root: '.',
  port,
  host,
  routes(req, res) {
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
