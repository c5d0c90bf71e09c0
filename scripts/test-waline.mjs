#!/usr/bin/env node
// The Waline adapter against Waline's own server: @waline/vercel with SQLite on 127.0.0.1, seeded with
// the model page's thread, then the browser tests in test/integration/waline/ through the adapter.
// Usage: node scripts/test-waline.mjs [extra wtr arguments]   (npm run test:waline)
// The server's dependencies live in scripts/waline/ (own package.json + lock, `npm ci` on first run; the
// native sqlite3 module is built from source with the running Node's headers). Everything the run creates
// goes in a temporary directory removed at the end; the server is stopped by the PID this script started.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { freePort, root, runBrowserTests, stop, waitFor } from './integration.mjs';

const serverDir = join(root, 'scripts/waline');
const log = (line) => console.error(`[waline] ${line}`);

// 1. Dependencies, once. sqlite3 downloads a prebuilt binary from GitHub unless told to build, and
// node-gyp downloads Node's headers unless it is pointed at the ones installed beside node.
function install() {
  if (existsSync(join(serverDir, 'node_modules/@waline/vercel/package.json'))) return;
  const env = { ...process.env, npm_config_build_from_source: 'true' };
  const headers = resolve(dirname(process.execPath), '..');
  if (existsSync(join(headers, 'include/node/node.h'))) env.npm_config_nodedir = headers;
  log('installing @waline/vercel in scripts/waline (npm ci, builds sqlite3: a few minutes)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: serverDir, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in scripts/waline failed');
}

// 2. The database: Waline's schema and the model page's thread, with real parents (pid) and roots (rid).
// Dates are stored as UTC wall time; the server runs with TZ=UTC so it reads them back as UTC.
const POST_PATH = '/2012/01/model-page/';
// Two registered users: the administrator Waline makes of the first one, and Ann, a commenter who signs
// in (the tests log her in through POST /api/token with this run's password). Her comments are on pages
// of their own, one for the adapter's test and one for the element's, so the model page stays as seeded.
const OWN_PATHS = { adapter: '/2012/02/signed-in/', element: '/2012/03/signed-in/' };
const users = [
  // [id, display_name, email, type]
  [1, 'Site Owner', 'owner@example.org', 'administrator'],
  [2, 'Ann Author', 'ann@example.org', 'guest'],
];
const ownSeed = (path, base) => [
  // [id, user_id, nick, markdown, insertedAt (UTC), pid, rid]
  [base, 2, 'Ann Author', 'Frist!', '2013-05-01 10:00:00', null, null],
  [base + 1, 2, 'Ann Author', 'A question I should not have asked.', '2013-05-01 11:00:00', null, null],
  [base + 2, null, 'Michelle', 'I can answer that.', '2013-05-01 12:00:00', base + 1, base + 1],
  [base + 3, null, 'Gerald Kleyer', 'Not yours to change.', '2013-05-01 13:00:00', null, null],
].map((row) => [...row, path]);
const seed = [
  // [nick, link, markdown, insertedAt (UTC), pid, rid, mail]
  ['Michelle', '', 'Very interesting post! What do you think about legalizing prostitution as a way to combat this issue?', '2012-01-20 20:30:00', null, null],
  ['Sarah Anderson', '', 'That’s interesting Michelle.\n\nThank you for your comment! Very interesting perspective.', '2012-01-23 17:38:00', 1, 1],
  ['Michelle', '', 'Thank you, Sarah. I will read more about it & come back.', '2012-01-24 09:15:00', 2, 1],
  ['Gerald Kleyer', 'http://gerald.example.org/', 'I am writing my *Masters Thesis* on [this](http://gerald.example.org/thesis).', '2012-06-10 13:00:00', null, null],
  ['Sarah Bernolet', '', 'Great overview of the research, thank you.', '2012-11-23 23:55:00', null, null],
  ['christopher sims', '', 'I am also looking to research this topic for a potential graduate thesis.\n\nAre there any groups dedicated to this cause?', '2013-04-15 17:10:00', null, null],
  ['Sarah Anderson', '', 'Yes: start with the groups listed on the resources page.', '2013-04-16 02:08:00', 6, 6],
];

async function createDatabase(dir, password) {
  const require = createRequire(join(serverDir, 'package.json'));
  const sqlite3 = require('sqlite3');
  const db = new sqlite3.Database(join(dir, 'waline.sqlite'));
  const run = (sql, params = []) => new Promise((ok, fail) => db.run(sql, params, (e) => (e ? fail(e) : ok())));
  await new Promise((ok, fail) => db.exec(readFileSync(join(serverDir, 'schema.sql'), 'utf8'), (e) => (e ? fail(e) : ok())));
  for (const [nick, link, comment, at, pid, rid] of seed) {
    await run(
      `INSERT INTO wl_Comment (nick, link, mail, comment, insertedAt, createdAt, updatedAt, pid, rid, status, "like", ua, url, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', 0, 'Mozilla/5.0', ?, '127.0.0.1')`,
      [nick, link, `${nick.toLowerCase().replace(/\W+/g, '.')}@example.org`, comment, at, at, at, pid, rid, POST_PATH],
    );
  }
  // Passwords hashed the way the server checks them (its extend/controller.js: phpass's PasswordHash).
  const { PasswordHash } = require('phpass');
  for (const [id, name, email, type] of users) {
    await run('INSERT INTO wl_Users (id, display_name, email, password, type, url) VALUES (?, ?, ?, ?, ?, ?)', [
      id, name, email, new PasswordHash().hashPassword(password), type, '',
    ]);
  }
  for (const [id, userId, nick, comment, at, pid, rid, url] of [...ownSeed(OWN_PATHS.adapter, 100), ...ownSeed(OWN_PATHS.element, 200)]) {
    await run(
      `INSERT INTO wl_Comment (id, user_id, nick, link, mail, comment, insertedAt, createdAt, updatedAt, pid, rid, status, "like", ua, url, ip)
       VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, 'approved', 0, 'Mozilla/5.0', ?, '127.0.0.2')`,
      [id, userId, nick, `${nick.toLowerCase().replace(/\W+/g, '.')}@example.org`, comment, at, at, at, pid, rid, url],
    );
  }
  await new Promise((ok) => db.close(ok));
}

// Waline asks an OAuth directory (OAUTH_URL, default a public host) for its login services on every
// request; this stands in for it, offline, with none.
function startOauthStub() {
  const server = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"services":[]}'));
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function main() {
  install();
  const dir = mkdtempSync(join(tmpdir(), 'comment-thread-waline-'));
  const oauth = await startOauthStub();
  let server;
  let code = 1;
  try {
    const password = randomBytes(12).toString('hex');
    await createDatabase(dir, password);
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    log(`starting Waline on ${endpoint} (log: ${join(dir, 'server.log')})`);
    const out = openSync(join(dir, 'server.log'), 'a');
    server = spawn(process.execPath, ['server.mjs', String(port)], {
      cwd: serverDir,
      detached: true, // its own process group: the cluster worker stops with it
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        TZ: 'UTC',
        SQLITE_PATH: dir,
        JWT_TOKEN: randomBytes(16).toString('hex'),
        OAUTH_URL: `http://127.0.0.1:${oauth.address().port}/`,
        DISABLE_REGION: 'true',
        DISABLE_USERAGENT: 'true',
      },
    });
    await waitFor(`${endpoint}/api/comment?path=${encodeURIComponent(POST_PATH)}`, server);
    log('ready; running test/integration/waline/');
    const counts = await runBrowserTests({
      files: 'test/integration/waline/**/*.test.ts',
      env: { endpoint, path: POST_PATH, ownPaths: OWN_PATHS, author: { email: 'ann@example.org', password } },
      countFile: join(dir, 'counts.json'),
      // A port of its own: another test runner may hold the default one.
      port: await freePort(),
      args: process.argv.slice(2),
    });
    code = counts.failed === 0 ? 0 : 1;
    if (code && existsSync(join(dir, 'server.log'))) console.error(readFileSync(join(dir, 'server.log'), 'utf8').slice(-3000));
    console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
  } catch (error) {
    console.error(`[waline] ${error instanceof Error ? error.message : error}`);
    console.log('tests: 0 passed, 1 failed');
  } finally {
    await stop(server);
    oauth.close();
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

main();
