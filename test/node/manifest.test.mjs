// custom-elements.json, as `npm run build` generates it: what editors, docs and framework wrappers read.
/* global URL -- Node's */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const path = new URL('../../custom-elements.json', import.meta.url);

test('every event of <comment-thread> has its name and its event class, once', () => {
  assert.ok(existsSync(path), 'custom-elements.json is missing: run npm run build first');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'comment-thread');
  assert.ok(element, 'no declaration with the tag name comment-thread');
  const events = element.events.map((e) => [e.name, e.type?.text]);
  assert.deepEqual(events.sort(), [
    ['comment-delete', 'CommentDeleteEvent'],
    ['comment-deleted', 'CommentDeletedEvent'],
    ['comment-error', 'CommentErrorEvent'],
    ['comment-like', 'CommentLikeEvent'],
    ['comment-load', 'CommentLoadEvent'],
    ['comment-submit', 'CommentSubmitEvent'],
    ['comment-submitted', 'CommentSubmittedEvent'],
    ['comment-update', 'CommentUpdateEvent'],
    ['comment-updated', 'CommentUpdatedEvent'],
  ]);
  assert.ok(element.attributes.some((a) => a.name === 'wp-nonce'));
  assert.ok(!element.attributes.some((a) => a.name === 'nonce'), 'the nonce attribute is gone');
});

test('each registering module carries a custom-element-definition with its tag name, pointing at the class', () => {
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const definitions = (modulePath) =>
    manifest.modules
      .find((m) => m.path === modulePath)
      ?.exports?.filter((e) => e.kind === 'custom-element-definition')
      .map((e) => [e.name, e.declaration.name, e.declaration.module])
      .sort();
  // package.json's "./define" and "./comment-count/define" entries.
  assert.deepEqual(definitions('dist/define.js'), [
    ['comment-count', 'CommentCount', 'dist/components/comment-count/comment-count.js'],
    ['comment-thread', 'CommentThread', 'dist/components/comment-thread/comment-thread.js'],
  ]);
  assert.deepEqual(definitions('dist/components/comment-count/define.js'), [
    ['comment-count', 'CommentCount', 'dist/components/comment-count/comment-count.js'],
  ]);
  // No definition elsewhere: `static define()` is not one.
  const elsewhere = manifest.modules.filter(
    (m) =>
      !['dist/define.js', 'dist/components/comment-count/define.js'].includes(m.path) &&
      m.exports?.some((e) => e.kind === 'custom-element-definition'),
  );
  assert.deepEqual(
    elsewhere.map((m) => m.path),
    [],
  );
});
