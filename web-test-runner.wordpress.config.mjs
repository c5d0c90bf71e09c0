// The WordPress adapter and the element against a real WordPress: run through `npm run test:wordpress`
// (scripts/test-wordpress.mjs), which boots and seeds WordPress and sets WP_PORT, WP_STATE and WTR_PORT.
//
// The test pages and WordPress share one origin, as on a real WordPress site: this server answers
// WordPress's paths (/wp-json/, /wp-comments-post.php, /wp-login.php, /wp-admin/ …, ?rest_route=, ?p=)
// by passing them to WordPress's PHP server unchanged, and WordPress's WP_HOME is this server's address.
// WordPress's own port is then "another origin", for the cross-origin tests.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordpressCommand } from './scripts/wordpress/commands.mjs';
import { chromium, reporters, typescript } from './scripts/wtr-shared.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const { WP_PORT, WP_STATE, WTR_PORT, WP_DIST } = process.env;
if (!WP_PORT || !WP_STATE || !WTR_PORT) {
  console.error('Run the WordPress tests with `npm run test:wordpress`: it boots the WordPress they need.');
  process.exit(1);
}

const isWordPress = (url) => {
  const { pathname, searchParams } = new URL(url, 'http://x');
  return pathname.startsWith('/wp-') || searchParams.has('rest_route') || searchParams.has('p');
};

/** Passes a request to WordPress as it came (Host included, so WordPress sees its own WP_HOME). */
function toWordPress(ctx) {
  return new Promise((resolve, reject) => {
    const upstream = request(
      { host: '127.0.0.1', port: Number(WP_PORT), method: ctx.method, path: ctx.url, headers: ctx.req.headers },
      (answer) => {
        ctx.respond = false;
        ctx.res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(ctx.res);
        answer.on('end', resolve);
        answer.on('error', reject);
      },
    );
    upstream.on('error', reject);
    ctx.req.pipe(upstream);
  });
}

/** The script-tag build under /__dist/, served as built: no transform, as from a site's own files. */
async function builtFiles(ctx, next) {
  if (!ctx.path.startsWith('/__dist/') || !WP_DIST) return next();
  const file = join(WP_DIST, normalize(ctx.path.slice('/__dist/'.length)).replace(/^(\.\.[/\\])+/, ''));
  try {
    ctx.body = await readFile(file);
    ctx.type = file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
  } catch {
    ctx.status = 404;
  }
}

const run = (file, env = {}) =>
  new Promise((resolve, reject) =>
    execFile(join(root, 'scripts/wordpress', file), { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} failed: ${stderr || error.message}`)) : resolve(stdout),
    ),
  );

/** Test-only server commands (`executeServerCommand`): WordPress's switches, and a fresh seed. */
function wordpressCommands() {
  const SWITCHES = ['WP_MODERATION', 'WP_ANONYMOUS', 'WP_CORS', 'WP_FLOOD_SECONDS', 'WP_PERMALINKS'];
  return {
    name: 'wordpress-commands',
    serve(ctx) {
      if (ctx.path !== '/__wordpress-env.js') return undefined;
      const env = {
        site: `http://127.0.0.1:${WTR_PORT}`,
        direct: `http://127.0.0.1:${WP_PORT}`,
        seed: JSON.parse(readFileSync(join(WP_STATE, 'seed.json'), 'utf8')),
      };
      return { body: `export default ${JSON.stringify(env)};`, type: 'js' };
    },
    async executeCommand({ command, payload }) {
      if (command === 'wp-settings') {
        const env = Object.fromEntries(Object.entries(payload ?? {}).filter(([key]) => SWITCHES.includes(key)));
        await run('start', Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])));
        return true;
      }
      if (command === 'wp-seed') return JSON.parse(await run('seed'));
      // What WordPress stored, and the plugin's uninstall (scripts/wordpress/commands.mjs).
      return wordpressCommand(command, payload, WP_STATE);
    },
  };
}

export default {
  files: ['test/integration/wordpress/**/*.test.ts'],
  hostname: '127.0.0.1',
  port: Number(WTR_PORT),
  nodeResolve: { exportConditions: ['development'] },
  middleware: [(ctx, next) => (isWordPress(ctx.url) ? toWordPress(ctx) : next()), builtFiles],
  plugins: [typescript(), wordpressCommands()],
  browsers: chromium(),
  // One WordPress, whose switches (moderation, flood control …) the files set for themselves: one at a time.
  concurrency: 1,
  // A hang guard above the tests' own waits (test/helpers.ts `until`, 20 s), so a wait that gives up names
  // what never happened; a real WordPress on a busy machine is slow, and no test may depend on speed.
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 300000,
  reporters: reporters(),
};
