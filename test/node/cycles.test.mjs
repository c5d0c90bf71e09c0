// scripts/cycles.mjs on small trees written for the test: it finds a cycle through static imports,
// re-exports, dynamic and type imports, and none in a tree without one. (Whether src/ has a cycle is
// the test command's import-cycle step to say.)
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { cycles } from '../../scripts/cycles.mjs';

const roots = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A temporary source tree: { 'a.ts': 'source', 'sub/b.ts': … }. */
function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'));
  roots.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

/** Each cycle as its sorted member list, the list sorted: independent of where the walk entered it. */
const normalized = (found) => found.map((cycle) => [...cycle].sort()).sort();

test('finds a cycle of static imports across folders', () => {
  const root = tree({
    'a.ts': "import { b } from './sub/b.js';\nexport const a = () => b;\n",
    'sub/b.ts': "import { c } from './c.js';\nexport const b = c;\n",
    'sub/c.ts': "import { a } from '../a.js';\nexport const c = a;\n",
    'leaf.ts': "export const leaf = 1;\n",
  });
  assert.deepEqual(normalized(cycles(root)), [['a.ts', 'sub/b.ts', 'sub/c.ts']]);
});

test('counts re-exports, dynamic imports and type imports as edges', () => {
  const root = tree({
    'index.ts': "export { thing } from './thing.js';\n",
    'thing.ts': "export const thing = () => import('./index.js');\n",
    'model.ts': "import type { View } from './view.js';\nexport type Model = { view?: View };\n",
    'view.ts': "import type { Model } from './model.js';\nexport type View = { model?: Model };\n",
  });
  assert.deepEqual(normalized(cycles(root)), [
    ['index.ts', 'thing.ts'],
    ['model.ts', 'view.ts'],
  ]);
});

test('finds a module importing itself', () => {
  const root = tree({ 'self.ts': "export * from './self.js';\n" });
  assert.deepEqual(normalized(cycles(root)), [['self.ts']]);
});

test('finds none in a tree without one, shared imports and all', () => {
  const root = tree({
    'a.ts': "import { b } from './b.js';\nimport { c } from './c.js';\nexport const a = [b, c];\n",
    'b.ts': "import { c } from './c.js';\nexport const b = c;\n",
    'c.ts': "import { z } from 'zod/mini';\nexport const c = z;\n",
  });
  assert.deepEqual(cycles(root), []);
});
