#!/usr/bin/env node
// The Isso adapter against Isso's own server on 127.0.0.1, seeded with the model page's thread, then the
// browser tests in test/integration/isso/ through the adapter and <comment-thread backend="isso">.
// Usage: node scripts/test-isso.mjs [extra wtr arguments]   (npm run test:isso)
//
// Isso is Python. It comes from `ISSO_SRC` (a checkout of github.com/isso-comments/isso, tested with 0.14)
// or, without it, from an installed `isso` (pip install isso). Its dependencies come from the Python that
// has them, else from Debian's packages (python3-werkzeug, -bleach, -html5lib, -itsdangerous, -jinja2,
// -mistune), installed with apt-get when run as root. Everything the run creates goes in a temporary
// directory removed at the end; the server is stopped by the process id this script started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runBrowserTests, stop, waitFor } from './integration.mjs';

const log = (line) => console.error(`[isso] ${line}`);
const DEPS = ['werkzeug', 'bleach', 'html5lib', 'itsdangerous', 'jinja2', 'mistune'];
const DEBIAN = ['python3-werkzeug', 'python3-bleach', 'python3-html5lib', 'python3-itsdangerous', 'python3-jinja2', 'python3-mistune'];
const POST_PATH = '/2012/01/model-page/';

const imports = (python, modules, env = process.env) =>
  spawnSync(python, ['-c', `import ${modules.join(', ')}`], { env, stdio: 'ignore' }).status === 0;

class NoIsso extends Error {
  constructor() {
    super('no Isso here: set ISSO_SRC to a checkout of isso-comments/isso, or pip install isso');
  }
}

/** A Python that can run Isso, with the PYTHONPATH that finds it. */
function findIsso(dir) {
  const source = process.env.ISSO_SRC;
  let pythonPath = process.env.PYTHONPATH ?? '';
  if (source) {
    if (!existsSync(join(source, 'isso', '__init__.py'))) throw new Error(`ISSO_SRC=${source} holds no isso package`);
    // Isso reads its version from the package metadata that an install writes and a checkout lacks.
    const pyproject = join(source, 'pyproject.toml');
    const version = (existsSync(pyproject) && /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(pyproject, 'utf8'))?.[1]) || '0';
    const meta = join(dir, 'meta', `isso-${version}.dist-info`);
    mkdirSync(meta, { recursive: true });
    writeFileSync(join(meta, 'METADATA'), `Metadata-Version: 2.1\nName: isso\nVersion: ${version}\n`);
    pythonPath = [source, join(dir, 'meta'), pythonPath].filter(Boolean).join(':');
  }
  const env = { ...process.env, PYTHONPATH: pythonPath };
  const modules = source ? DEPS : ['isso', ...DEPS];
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
  let python = candidates.find((p) => imports(p, modules, env));
  if (!python && source && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    log(`installing ${DEBIAN.join(' ')} (apt-get)`);
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...DEBIAN], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    python = imports('/usr/bin/python3', modules, env) ? '/usr/bin/python3' : undefined;
  }
  if (!python) {
    // Without ISSO_SRC and without an installed Isso there is nothing to test against: the run is skipped,
    // and says so (the adapter's Isso tests by recorded answers run with the unit tests). With ISSO_SRC
    // set, a missing dependency is a failure.
    if (!source) throw new NoIsso();
    throw new Error('no Isso to run: set ISSO_SRC to a checkout of isso-comments/isso, or pip install isso');
  }
  return { python, env };
}

// The model page's thread as Isso stores it: two levels (a reply to a reply is filed under its root),
// markdown source, author and website HTML-escaped on input, float seconds. From another address than the
// tests', so Isso's per-address limits start fresh for them.
const seed = [
  // [id, parent, author, website, markdown, created (UTC)]
  [1, null, 'Michelle', null, 'Very interesting post! What do you think about legalizing prostitution as a way to combat this issue?', '2012-01-20T20:30:00.25Z'],
  [2, 1, 'Sarah Anderson', null, 'That’s interesting Michelle.\n\nThank you for your comment! Very interesting perspective.', '2012-01-23T17:38:00Z'],
  [3, 1, 'Michelle', null, 'Thank you, Sarah. I will read more about it & come back.', '2012-01-24T09:15:00Z'],
  [4, null, 'Gerald Kleyer', 'http://gerald.example.org/', 'I am writing my *Masters Thesis* on [this](http://gerald.example.org/thesis).', '2012-06-10T13:00:00Z'],
  [5, null, 'Sarah Bernolet', null, 'Great overview of the research, thank you.', '2012-11-23T23:55:00Z'],
  [6, null, 'christopher sims', null, 'I am also looking to research this topic for a potential graduate thesis.\n\nAre there any groups dedicated to this cause?', '2013-04-15T17:10:00Z'],
  [7, 6, 'Sarah Anderson', null, 'Yes: start with the groups listed on the resources page.', '2013-04-16T02:08:00Z'],
];

function seedDatabase(python, db) {
  const rows = seed.map(([id, parent, author, website, text, at]) => [id, parent, Date.parse(at) / 1000, author, website, text]);
  const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO threads (id, uri, title) VALUES (1, ?, 'The model page')", (sys.argv[2],))
for id, parent, created, author, website, text in json.loads(sys.argv[3]):
    db.execute("INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes, voters, notification)"
               " VALUES (1, ?, ?, ?, NULL, 1, '192.0.2.0', ?, ?, NULL, ?, 0, 0, zeroblob(256), 0)", (id, parent, created, text, author, website))
db.commit()
`;
  const result = spawnSync(python, ['-c', script, db, POST_PATH, JSON.stringify(rows)], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('seeding the Isso database failed');
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'comment-thread-isso-'));
  let server;
  let code = 1;
  try {
    const { python, env } = findIsso(dir);
    const [port, pagePort] = [await freePort(), await freePort()];
    const endpoint = `http://127.0.0.1:${port}`;
    // CORS: Isso answers with the `host` entry matching the page's origin, so the test pages' origins go here.
    writeFileSync(
      join(dir, 'isso.cfg'),
      `[general]\ndbpath = ${join(dir, 'comments.db')}\nhost =\n    http://localhost:${pagePort}\n    http://127.0.0.1:${pagePort}\n` +
        `[server]\nlisten = ${endpoint}/\n` +
        `[guard]\nenabled = true\nratelimit = 2\ndirect-reply = 3\nreply-to-self = false\nrequire-author = false\nrequire-email = false\n` +
        // Debian's mistune is 2.x, which knows fewer plugins than Isso's default list.
        `[markup]\nrenderer = mistune\n[markup.mistune]\nplugins = strikethrough, url\n`,
    );
    log(`starting Isso on ${endpoint} (log: ${join(dir, 'server.log')})`);
    const out = openSync(join(dir, 'server.log'), 'a');
    server = spawn(python, ['-c', `import sys, isso; sys.argv = ['isso', '-c', sys.argv[1], 'run']; isso.main()`, join(dir, 'isso.cfg')], {
      cwd: dir,
      detached: true,
      stdio: ['ignore', out, out],
      env,
    });
    await waitFor(`${endpoint}/?uri=${encodeURIComponent(POST_PATH)}`, server);
    seedDatabase(python, join(dir, 'comments.db'));
    log('ready; running test/integration/isso/');
    const counts = await runBrowserTests({
      files: 'test/integration/isso/**/*.test.ts',
      env: { endpoint, path: POST_PATH },
      countFile: join(dir, 'counts.json'),
      port: pagePort,
      args: process.argv.slice(2),
    });
    code = counts.failed === 0 ? 0 : 1;
    if (code) console.error(readFileSync(join(dir, 'server.log'), 'utf8').slice(-3000));
    console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
  } catch (error) {
    if (error instanceof NoIsso) {
      console.error(`[isso] skipped: ${error.message}`);
      console.log('tests: 0 passed, 0 failed (skipped: no Isso)');
      code = 0;
    } else {
      console.error(`[isso] ${error instanceof Error ? error.message : error}`);
      console.log('tests: 0 passed, 1 failed');
    }
  } finally {
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

await main();
