// What the tarball holds and what it tells editors, from the build in dist/: only LICENSE, README,
// package.json, custom-elements.json and dist (JS, .d.ts, editor data), no source maps; the manifest names
// shipped files and the tag's definition; VS Code's and JetBrains' data list attribute values and events.
/* global URL -- Node's */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { contentProblems, pack, shipped } from '../../scripts/pack-check.mjs';

const root = new URL('../../', import.meta.url).pathname;
const json = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
let dir;
let files;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'comment-thread-package-'));
  ({ files } = pack(dir));
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

test('the tarball ships LICENSE, README, package.json, custom-elements.json and dist, nothing else', () => {
  assert.deepEqual(contentProblems(files), []);
  for (const f of [
    'LICENSE',
    'README.md',
    'package.json',
    'custom-elements.json',
    'dist/comment-thread.js',
    'dist/define.d.ts',
    'dist/jsx/react.d.ts',
    'dist/web-types.json',
  ]) {
    assert.ok(files.includes(f), `${f} is not in the tarball`);
  }
  assert.ok(!files.some((f) => f.endsWith('.map') || /^(src|test|demo|docs)\//.test(f)));
  // The rule itself rejects what must not ship.
  for (const f of ['dist/comment-thread.js.map', 'src/index.ts', 'test/fixtures.ts', 'demo/index.html'])
    assert.equal(shipped(f), false, f);
  assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /MIT License[\s\S]*comment-thread contributors/);
});

test('custom-elements.json names shipped files, the definition in dist/define.js, each event with its detail type', () => {
  const manifest = json('custom-elements.json');
  for (const module of manifest.modules) {
    assert.match(module.path, /^dist\/.+\.js$/);
    assert.ok(files.includes(module.path), `${module.path} is not shipped`);
    assert.ok(files.includes(module.path.replace(/\.js$/, '.d.ts')), `${module.path} has no .d.ts`);
  }
  const definitions = manifest.modules.flatMap((m) =>
    (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => ({ ...e, in: m.path })),
  );
  const thread = definitions.find((d) => d.name === 'comment-thread');
  assert.deepEqual(thread, {
    kind: 'custom-element-definition',
    name: 'comment-thread',
    declaration: { name: 'CommentThread', module: 'dist/components/comment-thread/comment-thread.js' },
    in: 'dist/define.js',
  });
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'comment-thread');
  const submit = element.events.find((e) => e.name === 'comment-submit');
  assert.deepEqual(submit.type, { text: 'CommentSubmitEvent' });
  assert.match(submit.detail.text, /draft: Draft/);
  for (const event of element.events) assert.ok(event.detail?.text, `${event.name} has no detail type`);
});

test('VS Code custom data and web-types list the attributes with their values, and the events', () => {
  const pkg = json('package.json');
  assert.equal(pkg['web-types'], './dist/web-types.json');
  assert.ok(existsSync(join(root, pkg['web-types'])));
  const vscode = json('dist/vscode.html-custom-data.json').tags.find((t) => t.name === 'comment-thread');
  const values = (attrs, name) => attrs.find((a) => a.name === name)?.values?.map((v) => v.name);
  assert.deepEqual(values(vscode.attributes, 'order'), ['oldest', 'newest']);
  assert.deepEqual(values(vscode.attributes, 'loading'), ['lazy', 'eager']);
  assert.deepEqual(values(vscode.attributes, 'dates')?.sort(), ['absolute', 'auto', 'relative']);
  assert.deepEqual(values(vscode.attributes, 'theme'), ['light', 'dark', 'auto']);
  assert.ok(
    vscode.attributes.every((a) => a.description),
    'an attribute without a description',
  );
  assert.match(vscode.description.value, /comment-submit/);
  const web = json('dist/web-types.json').contributions.html.elements.find((e) => e.name === 'comment-thread');
  assert.deepEqual(values(web.attributes, 'order'), ['oldest', 'newest']);
  assert.deepEqual(web.events.map((e) => e.name).sort(), [
    'comment-delete',
    'comment-deleted',
    'comment-error',
    'comment-like',
    'comment-load',
    'comment-submit',
    'comment-submitted',
    'comment-update',
    'comment-updated',
  ]);
  assert.ok(web.js.properties.some((p) => p.name === 'adapter'));
});
