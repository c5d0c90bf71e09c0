// npm test: lint, type check, build, then every test suite in headless Chromium, ending with one line
// `tests: N passed, N failed`. Finds (or installs) a Chromium first: see scripts/chromium.mjs.
// Extra suites: every test/node/*.test.mjs runs with Node's test runner (the CSP page, for instance).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './chromium.mjs';

const chrome = ensureChromium();
process.env.CHROME_PATH = chrome;
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A gate (lint, types, build) counts as one test: passed or failed. */
function gate(label, command, args) {
  const ok = run(label, command, args);
  if (ok) totals.passed++;
  else {
    totals.failed++;
    problems.push(label);
  }
  return ok;
}

gate('lint (eslint, --max-warnings 0)', 'npx', ['eslint', '.', '--max-warnings', '0']);
gate('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const built = gate('build (dist/ and types)', 'npm', ['run', '--silent', 'build']);

// Browser tests (unit, element, the script-tag page, security, accessibility).
const countFile = join(tmpdir(), `comment-thread-wtr-${process.pid}.json`);
const wtrOk = run('browser tests (web-test-runner, Chromium)', 'npx', ['wtr'], { WTR_COUNT_FILE: countFile });
if (existsSync(countFile)) {
  const counts = JSON.parse(readFileSync(countFile, 'utf8'));
  rmSync(countFile);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (!wtrOk && counts.failed === 0) {
    totals.failed++;
    problems.push('web-test-runner exited with an error');
  }
} else {
  totals.failed++;
  problems.push('web-test-runner did not report (see above)');
}

// Node-driven suites: real HTTP headers (CSP), whole-page checks.
const nodeSuites = existsSync('test/node')
  ? readdirSync('test/node').filter((f) => f.endsWith('.test.mjs')).map((f) => join('test/node', f))
  : [];
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
  if (result.status !== 0 && count('fail') === 0) {
    totals.failed++;
    problems.push('node suites exited with an error');
  }
}

if (problems.length) console.log(`\nfailed: ${problems.join('; ')}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
