// A small static file server for the demo, the benchmark and the CSP test: no dependencies, loopback
// only by default, optional extra headers and route handlers.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root`. `routes(req, res)` may answer first (return true when it did). `headers(path)` adds
 * headers to static answers. Resolves to { server, url } once listening.
 */
export function serve({ root, port = 0, host = '127.0.0.1', routes, headers }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      if (routes && (await routes(req, res))) return;
      const url = new URL(req.url, 'http://localhost');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!path.startsWith(base)) return end(res, 403, 'Forbidden');
      if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
      if (!existsSync(path)) return end(res, 404, 'Not found');
      res.writeHead(200, {
        'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...(headers?.(url.pathname) ?? {}),
      });
      createReadStream(path).pipe(res);
    } catch (error) {
      end(res, 500, String(error));
    }
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveListen({ server, url: `http://${host}:${actual}` });
    });
  });
}

function end(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
