#!/usr/bin/env node
// The WordPress adapter and the element against a real WordPress (Debian's wordpress, MariaDB and PHP's
// built-in server on 127.0.0.1, installed with apt-get when missing): boots a fresh site in a temporary
// directory, seeds it (scripts/wordpress/), builds the script-tag file into that directory, runs
// test/integration/wordpress/ in Chromium
// (web-test-runner.wordpress.config.mjs), and stops what it started by process id, whatever happens.
// Usage: node scripts/test-wordpress.mjs [extra wtr arguments]     (npm run test:wordpress)
// Ends with one line: "tests: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { getPage } from './wordpress/commands.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolkit = join(root, 'scripts/wordpress');
const log = (line) => console.error(`[wordpress] ${line}`);

function freePort() {
  const server = createServer();
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    }),
  );
}

/** The seeded post's page in each of the plugin tests' themes, and every option name, before the plugin is installed. */
async function savePagesBefore(env, state, wpPort) {
  const { slug } = JSON.parse(readFileSync(join(state, 'seed.json'), 'utf8'));
  const pages = {};
  for (const theme of ['twentytwentyone', 'twentytwentythree']) {
    pages[theme] = await getPage(`/${slug}/?ct_theme=${theme}`, wpPort, env.WP_HOME);
  }
  const inspected = spawnSync('php', [join(toolkit, 'php/inspect.php'), join(state, 'site'), 'options'], { env, encoding: 'utf8' });
  if (inspected.status !== 0) throw new Error(`inspect.php failed: ${inspected.stderr}`);
  writeFileSync(join(state, 'before-plugin.json'), JSON.stringify({ pages, options: JSON.parse(inspected.stdout) }));
}

async function main() {
  const [wpPort, wtrPort] = [await freePort(), await freePort()];
  const state = mkdtempSync(join(tmpdir(), 'comment-thread-wp-'));
  const counts = join(state, 'counts.json');
  const env = {
    ...process.env,
    WP_PORT: String(wpPort),
    WP_STATE: state,
    // WordPress lives at the test server's address, which passes WordPress's paths on to PHP.
    WP_HOME: `http://127.0.0.1:${wtrPort}`,
    WTR_PORT: String(wtrPort),
    WTR_COUNT_FILE: counts,
    // The script-tag build, as a site owner embeds it, for the test that loads it on a WordPress page.
    WP_DIST: join(state, 'dist'),
  };
  // WordPress's defaults to begin with; each test file then sets the switches it needs. Only the boot
  // gets them: in the test runner's environment they would override what a test asks for.
  const boot = { ...env, WP_ANONYMOUS: '0', WP_MODERATION: 'wordpress', WP_FLOOD_SECONDS: '0' };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    log('stopping WordPress');
    spawnSync(join(toolkit, 'stop'), ['--purge'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    rmSync(state, { recursive: true, force: true });
  };
  let child;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      child?.kill(signal);
      stop();
      process.exit(130);
    });
  }

  let code = 1;
  let totals;
  try {
    const started = Date.now();
    for (const step of ['start', 'seed']) {
      const result = spawnSync(join(toolkit, step), { env: boot, stdio: ['ignore', 'ignore', 'inherit'] });
      if (result.status !== 0) throw new Error(`scripts/wordpress/${step} failed (exit ${result.status})`);
    }
    log(`WordPress ready and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const vite = join(root, 'node_modules/.bin/vite');
    const args = ['build', '--outDir', env.WP_DIST, '--emptyOutDir', '--logLevel', 'warn'];
    if (spawnSync(vite, args, { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('vite build failed');
    // The WordPress plugin, made from that build into the site's plugins folder and activated through
    // WordPress's own plugin API, as its Plugins screen does (scripts/wordpress/php/plugin.php).
    // First, the site as it was before: the uninstall test compares the site after uninstalling with it.
    await savePagesBefore(env, state, wpPort);
    const quiet = { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] };
    // Built twice: into the site's plugins folder, and a copy the uninstall test reinstalls from.
    for (const dir of [join(state, 'site/wp-content/plugins'), join(state, 'plugin-build')]) {
      const pluginArgs = ['--dist', env.WP_DIST, '--out', '', '--dir', dir];
      if (spawnSync(process.execPath, [join(root, 'scripts/build-wordpress-plugin.mjs'), ...pluginArgs], quiet).status !== 0) {
        throw new Error('build-wordpress-plugin failed');
      }
    }
    if (spawnSync('php', [join(toolkit, 'php/plugin.php'), join(state, 'site'), 'activate'], quiet).status !== 0) {
      throw new Error('activating the WordPress plugin failed');
    }
    const wtr = join(root, 'node_modules/.bin/wtr');
    child = spawn(wtr, ['--config', 'web-test-runner.wordpress.config.mjs', ...process.argv.slice(2)], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    code = await new Promise((ok) => child.on('exit', (status) => ok(status ?? 1)));
    if (existsSync(counts)) totals = JSON.parse(readFileSync(counts, 'utf8'));
  } catch (error) {
    console.error(`error: ${error.message}`);
  } finally {
    stop();
  }
  // Nothing ran (WordPress did not boot, the runner crashed): the run counts as one failure.
  totals ??= { passed: 0, failed: 1 };
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code === 0 && totals.failed === 0 ? 0 : 1);
}

await main();
