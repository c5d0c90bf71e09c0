// Shared by the integration scripts that boot a real comment server (scripts/test-waline.mjs,
// scripts/test-isso.mjs): ports, readiness, stopping by process group, and the browser run.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  const server = createServer();
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    }),
  );
}

/** Resolves once `url` answers 2xx; fails if `child` exits first or after `seconds`. */
export async function waitFor(url, child, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the server did not answer ${url} in ${seconds} s`);
}

/** SIGTERM to a child started with `detached: true` and its process group, SIGKILL after 5 s. */
export async function stop(child) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Runs browser tests with scripts/integration.wtr.config.mjs. `env` reaches the tests as the module
 * /__integration-env.js (one export per key). Asynchronous on purpose: the calling process may serve
 * something the server under test needs. Returns { passed, failed }.
 */
export async function runBrowserTests({ files, env, countFile, port, args = [] }) {
  const wtr = spawn(
    process.execPath,
    [join(root, 'node_modules/@web/test-runner/dist/bin.js'), '--config', join(root, 'scripts/integration.wtr.config.mjs'), ...args],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, INTEGRATION_FILES: files, INTEGRATION_ENV: JSON.stringify(env), WTR_COUNT_FILE: countFile, ...(port ? { WTR_PORT: String(port) } : {}) },
    },
  );
  const status = await new Promise((ok) => wtr.once('exit', (code) => ok(code)));
  const counts = existsSync(countFile) ? JSON.parse(readFileSync(countFile, 'utf8')) : { passed: 0, failed: 1 };
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}
