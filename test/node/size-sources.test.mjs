// A merged thread's sources in the script-tag build: each service a lazy chunk of its own, reached only
// through the composite, none bringing another's code, none in a single-backend page's first load.
/* global URL -- Node's */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { SOURCE_MODULES, crossSourceImports, firstLoadSet, readBuild, sourceChunks } from '../../scripts/size.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
assert.ok(existsSync(`${dist}comment-thread.js`), 'dist/comment-thread.js is missing: run npm run build first');
const graph = readBuild(dist);

test('each source is a chunk of its own that holds no other service', () => {
  const found = sourceChunks(graph);
  assert.deepEqual(found.map((s) => s.name).sort(), Object.keys(SOURCE_MODULES).sort());
  assert.deepEqual(crossSourceImports(graph), []);
  const mastodon = found.find((s) => s.name === 'mastodon');
  const held = new Set(mastodon.files.flatMap((f) => graph.get(f).sources));
  assert.ok(held.has('src/adapters/mastodon.ts'));
  assert.ok(![...held].some((s) => s.startsWith('src/adapters/bluesky')), 'no Bluesky code with the Mastodon source');
});

test('a single-backend page loads no source and no composite', () => {
  const first = new Set(firstLoadSet(graph, 'wordpress').files.flatMap((f) => graph.get(f).sources));
  for (const module of [...Object.values(SOURCE_MODULES), 'src/adapters/sources.ts', 'src/adapters/sources-social.ts', 'src/components/comment-source/compose.ts', 'src/components/comment-source/sources-view.ts', 'src/components/comment-source/sources.styles.ts']) {
    assert.ok(!first.has(module), `${module} is not in the first load`);
  }
});

test('the check names a source whose chunks hold another service', () => {
  const chunk = (sources, statics = []) => ({ sources, statics, dynamics: [], raw: 1, gzip: 1, brotli: 1 });
  const fake = new Map([
    ['comment-thread.js', { ...chunk(['src/loader.ts']), dynamics: ['chunks/element.js'] }],
    ['chunks/element.js', chunk(['src/script-element.ts'])],
    ['chunks/mastodon-source.js', chunk(['src/adapters/mastodon-source.ts'], ['chunks/both.js'])],
    ['chunks/bluesky-source.js', chunk(['src/adapters/bluesky-source.ts'], ['chunks/both.js'])],
    ['chunks/both.js', chunk(['src/adapters/mastodon.ts', 'src/adapters/bluesky.ts'])],
  ]);
  const problems = crossSourceImports(fake);
  assert.ok(problems.some((p) => /the mastodon source loads chunks\/both\.js, which holds src\/adapters\/bluesky\.ts/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /the bluesky source loads chunks\/both\.js, which holds src\/adapters\/mastodon\.ts/.test(p)));
});
