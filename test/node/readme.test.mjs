/* global URL -- Node's */
// The README is a site owner's first screen: short, and every page it links to exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

test('README.md is at most 15 KB', () => {
  assert.ok(statSync(new URL('README.md', root)).size <= 15 * 1024, 'README.md is over 15 KB: move depth to docs/');
});

test('every local link of README.md names a file that exists', () => {
  const links = [...readme.matchAll(/\]\(((?!https?:|#|mailto:)[^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]);
  assert.ok(links.length > 10);
  for (const link of links) assert.ok(existsSync(new URL(link, root)), `${link} is linked from README.md and missing`);
});
