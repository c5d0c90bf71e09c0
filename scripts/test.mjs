// npm test: the steps (lint, type check, import cycles, build), then every test suite in headless
// Chromium and Node, ending with one line `tests: N passed, N failed` that counts tests only. A step is
// not a test: a failed step fails the run (exit 1, named in a `failed steps:` line) but adds nothing
// to the count. Finds (or installs) a Chromium first: see scripts/chromium.mjs.
// Extra suites: every test/node/*.test.mjs runs with Node's test runner (the CSP page, for instance).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
process.env.CHROME_PATH = chrome;
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Steps that failed, and suites that failed in a way their count does not show. */
const failedSteps = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step must pass for the run to pass; it is not a test and is not counted as one. */
function step(label, command, args) {
  const ok = run(label, command, args);
  if (!ok) failedSteps.push(label);
  return ok;
}

step('lint (eslint, --max-warnings 0)', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('import cycles (scripts/cycles.mjs)', process.execPath, ['scripts/cycles.mjs']);
const built = step('build (dist/ and types)', 'npm', ['run', '--silent', 'build']);

// Browser tests (unit, element, the script-tag page, security, accessibility).
const countFile = join(tmpdir(), `comment-thread-wtr-${process.pid}.json`);
const wtrOk = run('browser tests (web-test-runner, Chromium)', 'npx', ['wtr'], { WTR_COUNT_FILE: countFile });
if (existsSync(countFile)) {
  const counts = JSON.parse(readFileSync(countFile, 'utf8'));
  rmSync(countFile);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  // A coverage threshold, say: the runner failed though every test passed.
  if (!wtrOk && counts.failed === 0) failedSteps.push('browser tests: web-test-runner exited with an error (see above)');
} else {
  failedSteps.push('browser tests: web-test-runner did not report (see above)');
}

// Node-driven suites: real HTTP headers (CSP), whole-page checks. Some read the build.
const nodeSuites = existsSync('test/node')
  ? readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/node', f))
  : [];
if (nodeSuites.length && !built) failedSteps.push('node suites: not run, the build failed');
if (nodeSuites.length && built) {
  console.log('\n▶ node suites');
  const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...nodeSuites], {
    encoding: 'utf8',
    env: process.env,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const count = (name) => Number(result.stdout.match(new RegExp(`^ℹ ${name} (\\d+)`, 'm'))?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped');
  if (result.status !== 0 && count('fail') === 0) failedSteps.push('node suites: exited with an error (see above)');
}

if (failedSteps.length) console.log(`\nfailed steps: ${failedSteps.join('; ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed || failedSteps.length ? 1 : 0);
