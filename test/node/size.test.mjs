// The size report on the script-tag build as `npm test` just built it: what the first load of a
// WordPress thread holds, what it must leave to the chunks loaded on demand, and the breakdown of its
// bytes by part. Sizes themselves are `npm run size`'s to judge (a budget, not a test).
/* global URL -- Node's */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import {
  LOADER_BUDGET,
  adapterChunks,
  budgetsOf,
  crossAdapterImports,
  elementChunk,
  firstLoadSet,
  loaderFiles,
  partOf,
  partShares,
  readBuild,
} from '../../scripts/size.mjs';

const graph = readBuild();
const first = firstLoadSet(graph, 'wordpress');
const sourcesOf = (files) => new Set(files.flatMap((f) => graph.get(f).sources));

test('every page view loads only the loader: no Lit, no zod, no element; dynamic imports of the thread and the count', () => {
  const loader = [...loaderFiles(graph)];
  assert.deepEqual(loader, ['comment-thread.js']);
  const sources = sourcesOf(loader);
  assert.ok(sources.has('src/loader.ts'));
  for (const s of sources) assert.ok(!/node_modules|components\/|model\/|adapters\//.test(s), `${s} is not in the loader`);
  const element = elementChunk(graph);
  const [thread, ...rest] = graph.get('comment-thread.js').dynamics;
  assert.equal(thread, element);
  assert.ok(graph.get(element).sources.includes('src/components/comment-thread/comment-thread.ts'));
  // <comment-count> alone: its own chunk, without the thread element's module.
  assert.equal(rest.length, 1);
  assert.ok(graph.get(rest[0]).sources.includes('src/components/comment-count/comment-count.ts'));
  assert.ok(!graph.get(rest[0]).sources.includes('src/components/comment-thread/comment-thread.ts'));
});

test("the loader's budget fails the run above 3 kB gzip; the set's goal and budget are reported, not enforced", () => {
  assert.equal(LOADER_BUDGET, 3000);
  const [loader, ceiling, ...reported] = budgetsOf(3001, 1);
  assert.ok(loader.enforced && loader.value > loader.limit);
  assert.ok(ceiling.enforced && ceiling.value <= ceiling.limit);
  assert.ok(reported.every((b) => !b.enforced));
});

test('the first load holds the loader, the element and the WordPress adapter', () => {
  assert.ok(first.files.includes('comment-thread.js'));
  assert.ok(first.files.includes(elementChunk(graph)));
  assert.ok(first.adapter, 'a lazy chunk holds the WordPress adapter');
  const sources = sourcesOf(first.files);
  for (const needed of [
    'src/components/comment-thread/comment-thread.ts',
    'src/adapters/http.ts',
    'src/adapters/wordpress.ts',
  ]) {
    assert.ok(sources.has(needed), `${needed} is in the first load`);
  }
});

test('what only a submit, a link, another backend, another language or an old browser needs stays out of the first load', () => {
  const sources = sourcesOf(first.files);
  const built = sourcesOf([...graph.keys()]);
  const locales = readdirSync(new URL('../../src/i18n/locales/', import.meta.url)).map((f) => `src/i18n/locales/${f}`);
  assert.ok(locales.length > 40, 'every shipped catalog, and the table of their loaders');
  for (const lazy of [
    'src/components/comment-thread/validate.ts',
    'src/components/comment-thread/send.ts',
    'src/components/comment-thread/permalink-search.ts',
    'src/components/comment-thread/interactions-controller.ts',
    'src/components/comment-thread/light-dom.ts',
    'src/model/draft.ts',
    'src/adapters/wordpress-submit.ts',
    'src/adapters/http-helpers.ts',
    'src/adapters/isso.ts',
    'src/sanitize-fallback.ts',
    ...locales,
  ]) {
    // A name that is in no chunk at all (a file renamed or gone) would pass unnoticed: it must be built.
    assert.ok(built.has(lazy), `${lazy} is in the build`);
    assert.ok(!sources.has(lazy), `${lazy} is not in the first load`);
  }
  assert.ok(![...sources].some((s) => s.includes('dompurify')), 'the DOMPurify fallback is not in the first load');
  assert.deepEqual(crossAdapterImports(graph, adapterChunks(graph)), []);
});

test('the tags the element knows are the catalogs in src/i18n/locales/, each with its loader', () => {
  const read = (path) => readFileSync(new URL(`../../src/i18n/${path}`, import.meta.url), 'utf8');
  const files = readdirSync(new URL('../../src/i18n/locales/', import.meta.url))
    .filter((f) => f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const listed = /const shipped =\s*'([^']+)'/.exec(read('index.ts'))[1].split(' ').sort();
  const loaders = [...read('locales/index.ts').matchAll(/^ {2}'?([\w-]+)'?: \(\) => import\('\.\/([\w-]+)\.js'\)/gm)];
  assert.deepEqual(listed, files);
  assert.deepEqual(loaders.map((m) => m[1]).sort(), files);
  for (const [, tag, file] of loaders) assert.equal(tag, file);
});

test('the breakdown by part names Lit, zod and the element, and adds up to about the whole', () => {
  const shares = partShares(graph, first.files);
  const byName = new Map(shares.map((s) => [s.name, s.gzip]));
  for (const source of ['node_modules/lit-html/lit-html.js', 'node_modules/zod/v4/core/schemas.js', 'src/storage.ts']) {
    assert.ok(byName.get(partOf(source)) > 0, `${partOf(source)} has a share`);
  }
  const total = first.files.reduce((sum, f) => sum + graph.get(f).gzip, 0);
  const parts = shares.reduce((sum, s) => sum + s.gzip, 0);
  // Gzip shares context between parts: the shares add up to a little less than the whole, never more.
  assert.ok(parts <= total, `${parts} ≤ ${total}`);
  assert.ok(parts > total * 0.9, `${parts} > 90% of ${total}`);
});

test("a part's share is what its chunk saves without it", () => {
  const file = first.adapter;
  const whole = gzipSync(graph.get(file).code, { level: 9 }).length;
  // One part for every mapped byte: what is left without it is the chunk's glue (import and export lines).
  const [all, glue, ...more] = partShares(graph, [file], () => 'all');
  assert.deepEqual([all.name, glue?.name, more], ['all', '(unmapped: chunk glue)', []]);
  assert.ok(all.gzip > whole * 0.9 && all.gzip + glue.gzip <= whole, `${all.gzip} + ${glue.gzip} of ${whole}`);
  const shares = partShares(graph, [file], (source) => (source.startsWith('src/adapters/wordpress') ? 'wp' : 'rest'));
  const wp = shares.find((s) => s.name === 'wp')?.gzip ?? 0;
  assert.ok(wp > whole / 2 && wp < whole, `the adapter chunk is mostly the adapter (${wp} of ${whole})`);
});
