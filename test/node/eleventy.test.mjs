/* global process -- Node's */
// examples/eleventy, built as a site owner builds it: a temporary copy whose node_modules links to this
// package (its build, dist/) and to the @11ty/eleventy this repository installs as a dev dependency, so
// the test needs no network and no install. Built twice: from the example's comments.json, and from a
// REST-protocol server started here (the build fetches the first page and passes its cursor on).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eleventy = join(root, 'node_modules/@11ty/eleventy/cmd.cjs');

function copyExample() {
  const dir = mkdtempSync(join(tmpdir(), 'comment-thread-eleventy-'));
  cpSync(join(root, 'examples/eleventy'), dir, { recursive: true, filter: (src) => !/[\\/](node_modules|_site)$/.test(src) });
  mkdirSync(join(dir, 'node_modules/@11ty'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/comment-thread'), 'dir');
  symlinkSync(join(root, 'node_modules/@11ty/eleventy'), join(dir, 'node_modules/@11ty/eleventy'), 'dir');
  return dir;
}

async function build(dir, env = {}) {
  await promisify(execFile)(process.execPath, [eleventy, '--quiet'], { cwd: dir, env: { ...process.env, ...env } });
  return readFileSync(join(dir, '_site/index.html'), 'utf8');
}

const jsonLd = (html) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)[1]);

describe('examples/eleventy', () => {
  const dirs = [];
  let server;
  let api;
  before(async () => {
    const page = {
      comments: [
        { id: 'a1', parentId: null, author: { name: 'Ann <from the API>' }, createdAt: '2024-05-01T10:00:00Z', body: { format: 'text', value: 'Fetched at build time.' }, status: 'approved' },
        { id: 'a2', parentId: 'a1', author: { name: 'Bob' }, createdAt: '2024-05-02T10:00:00Z', body: { format: 'html', value: '<p>A reply <script>alert(1)</script>kept safe.</p>' }, status: 'approved' },
        { id: 'a3', parentId: null, author: { name: 'Held' }, createdAt: '2024-05-03T10:00:00Z', body: { format: 'text', value: 'Awaiting moderation.' }, status: 'pending' },
      ],
      total: 120,
      cursor: 'page-2',
    };
    server = createServer((request, response) => {
      const ok = request.url === '/api/posts/trafficking-and-terrorism/comments?order=oldest';
      response.writeHead(ok ? 200 : 404, { 'Content-Type': 'application/json' });
      response.end(ok ? JSON.stringify(page) : '{}');
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    api = `http://127.0.0.1:${server.address().port}/api`;
  });
  after(() => {
    server?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the comments of its JSON file into the page, inside the element, with JSON-LD', async () => {
    const dir = copyExample();
    dirs.push(dir);
    const html = await build(dir, { COMMENTS_API: '' });
    const element = /<comment-thread [^>]*>([\s\S]*?)<\/comment-thread>/.exec(html);
    assert.ok(element, 'no <comment-thread> in the page');
    for (const text of ['graduate thesis', 'Good luck', 'recommend articles or books']) assert.ok(element[1].includes(text), text);
    assert.match(element[1], /data-comment-thread-page data-post-id="trafficking-and-terrorism" lang="en" data-total="3">/);
    assert.match(element[1], /<li id="comment-5" [^>]*><article[\s\S]*<ol class="children"><li id="comment-6" class="comment depth-2 bypostauthor"/);
    const ld = jsonLd(html);
    assert.equal(ld['@type'], 'BlogPosting');
    assert.equal(ld.url, 'https://blog.example.org/trafficking-and-terrorism/');
    assert.deepEqual(
      ld.comment.map((c) => [c.author.name, c.parentItem?.['@id'] ?? null]),
      [
        ['Sarah Bernolet', null],
        ['christopher sims', null],
        ['Sarah Anderson', 'https://blog.example.org/trafficking-and-terrorism/#comment-5'],
      ],
    );
  });

  it('fetches the first page from a REST-protocol server at build time and hands its cursor to the element', async () => {
    const dir = copyExample();
    dirs.push(dir);
    const html = await build(dir, { COMMENTS_API: api });
    assert.ok(html.includes(`endpoint="${api}"`));
    assert.ok(html.includes('Ann &lt;from the API&gt;'));
    assert.ok(html.includes('Fetched at build time.'));
    assert.ok(html.includes('kept safe.'));
    assert.ok(!html.includes('alert(1)'));
    assert.ok(!html.includes('Awaiting moderation.'), 'a held comment is never published');
    assert.match(html, /data-total="120" data-cursor="page-2"/);
    const ld = jsonLd(html);
    assert.equal(ld.commentCount, 120);
    assert.deepEqual(ld.comment.map((c) => c.text), ['Fetched at build time.', 'A reply kept safe.']);
  });
});
