// The package as a user gets it: `npm pack` (of the build already in dist/), installed into a fresh
// project in the OS temp dir, then type-checked by the repo's own TypeScript under
// `moduleResolution: bundler` and `node16`. The code imports the class, `./define`, an adapter and the
// types, sets `el.adapter`, reads a typed `comment-submit` detail, renders `<comment-thread>` in React 19
// TSX through `comment-thread/jsx/react`, and uses the `comment-thread/react` wrapper. The same element in
// Preact and Solid TSX (`comment-thread/jsx/preact`, `comment-thread/jsx/solid`) is checked against the
// real preact and solid-js, and Svelte's element typing (`comment-thread/jsx/svelte`) against svelte's own
// `svelte/elements`. Each `@ts-expect-error` line must be an error: if the types went loose (`any`), the
// check fails. lit, zod and the frameworks come from npm's cache where it has them (else the registry).
/* global URL, process -- Node's */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pack } from '../../scripts/pack-check.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let dir;
let app;

const main = `import { CommentThread, type Comment, type CommentAdapter } from 'comment-thread';
import 'comment-thread/define';
import { rest } from 'comment-thread/adapters/rest';
import { sources } from 'comment-thread/adapters/sources';
import { mastodonSource } from 'comment-thread/adapters/mastodon-source';
import { blueskySource } from 'comment-thread/adapters/bluesky-source';

const el = document.createElement('comment-thread');
const typed: CommentThread = el;
const adapter: CommentAdapter = rest({ endpoint: 'https://comments.example.org/api' });
el.adapter = adapter;
el.order = 'newest';
// @ts-expect-error: order is 'oldest' | 'newest'
el.order = 'sideways';
el.addEventListener('comment-submit', (e) => {
  const content: string = e.detail.draft.content;
  // @ts-expect-error: a draft has no body
  void e.detail.draft.body;
  void content;
});
el.addEventListener('comment-submitted', (e) => {
  const comment: Comment = e.detail.comment;
  void comment;
});
void typed;
// A merged thread: the site's own adapter first, then sources with their likes and reposts.
const merged: CommentAdapter = sources([adapter, mastodonSource({ account: '@me@mastodon.social', pageUrl: 'https://example.org/post/' }), blueskySource({ postId: 'at://did:plc:x/app.bsky.feed.post/1' })]);
// @ts-expect-error: a source needs its options
mastodonSource();
void merged;
`;

const tsx = `import 'comment-thread/define';
import type {} from 'comment-thread/jsx/react';
import { memory } from 'comment-thread/adapters/memory';
import { CommentThread } from 'comment-thread/react';

export const Native = () => (
  <comment-thread
    post-id="1"
    order="newest"
    adapter={memory()}
    messages={{ leaveReply: 'Join in' }}
    oncomment-submit={(e) => {
      const content: string = e.detail.draft.content;
      void content;
    }}
  />
);

// @ts-expect-error: order is 'oldest' | 'newest'
export const WrongValue = () => <comment-thread post-id="1" order="sideways" />;

export const WrongHandler = () => (
  <comment-thread
    // @ts-expect-error: a draft has no body
    oncomment-submit={(e) => e.detail.draft.body}
  />
);

export const Wrapped = () => (
  <CommentThread
    postId="1"
    order="oldest"
    onCommentSubmit={(e) => {
      const content: string = e.detail.draft.content;
      void content;
    }}
    onCommentError={(e) => void e.detail.error.code}
  />
);

// @ts-expect-error: the wrapper's detail is typed too
export const WrappedWrong = () => <CommentThread onCommentLoad={(e) => e.detail.draft} />;
`;

/**
 * The same TSX for Preact and Solid, which differ in their typings' entry and how a handler of a custom
 * event is spelled (`oncomment-submit`, `on:comment-submit`). The wrong order, a draft's body, a string
 * adapter and a count's detail are the four errors once the `@ts-expect-error` lines go.
 */
const jsxApp = (jsx, on) => `import 'comment-thread/define';
import type {} from 'comment-thread/jsx/${jsx}';
import type { Comment } from 'comment-thread';
import { memory } from 'comment-thread/adapters/memory';

const adapter = memory();

export const Thread = () => (
  <comment-thread
    post-id="1"
    order="newest"
    adapter={adapter}
    messages={{ leaveReply: 'Join in' }}
    ${on}comment-submitted={(e) => {
      const comment: Comment = e.detail.comment;
      void comment;
    }}
  />
);

export const Count = () => <comment-count post-id="1" adapter={adapter} />;

// @ts-expect-error: order is 'oldest' | 'newest'
export const WrongValue = () => <comment-thread post-id="1" order="sideways" />;

export const WrongHandler = () => (
  <comment-thread
    // @ts-expect-error: a draft has no body
    ${on}comment-submit={(e) => e.detail.draft.body}
  />
);

// @ts-expect-error: adapter is an adapter object, not a backend's name
export const WrongAdapter = () => <comment-thread adapter="memory" />;

export const WrongDetail = () => (
  <comment-thread
    // @ts-expect-error: comment-load tells a count, not a comment
    ${on}comment-load={(e) => e.detail.comment}
  />
);
`;

/** The other frameworks' code, each in its own folder and project: their JSX namespaces differ. */
const frameworks = {
  preact: {
    file: 'app.tsx',
    compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'preact' },
    errors: 4,
    code: jsxApp('preact', 'on'),
  },
  solid: {
    file: 'app.tsx',
    compilerOptions: { jsx: 'preserve', jsxImportSource: 'solid-js' },
    errors: 4,
    code: jsxApp('solid', 'on:'),
  },
  // svelte-check reads a component's element attributes from SvelteHTMLElements: the same types, here
  // checked as the props object a .svelte file's <comment-thread …> is checked against.
  svelte: {
    file: 'props.ts',
    compilerOptions: {},
    errors: 4,
    code: `import type {} from 'comment-thread/jsx/svelte';
import type { Comment } from 'comment-thread';
import { memory } from 'comment-thread/adapters/memory';
import type { SvelteHTMLElements } from 'svelte/elements';

type Thread = SvelteHTMLElements['comment-thread'];

export const thread: Thread = {
  'post-id': '1',
  order: 'newest',
  adapter: memory(),
  messages: { leaveReply: 'Join in' },
  'oncomment-submitted': (e) => {
    const comment: Comment = e.detail.comment;
    void comment;
  },
};

export const count: SvelteHTMLElements['comment-count'] = { 'post-id': '1' };

// @ts-expect-error: order is 'oldest' | 'newest'
export const wrongValue: Thread = { order: 'sideways' };

export const wrongHandler: Thread = {
  // @ts-expect-error: a draft has no body
  'oncomment-submit': (e) => e.detail.draft.body,
};

// @ts-expect-error: adapter is an adapter object, not a backend's name
export const wrongAdapter: Thread = { adapter: 'memory' };

export const wrongDetail: Thread = {
  // @ts-expect-error: comment-load tells a count, not a comment
  'oncomment-load': (e) => e.detail.comment,
};
`,
  },
};

const withoutExpectedErrors = (code) => code.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, '');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { ...result, output: `${result.stdout}${result.stderr}` };
}

function tsconfig(name, compilerOptions, include = 'src') {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      strict: true,
      noEmit: true,
      jsx: 'react-jsx',
      skipLibCheck: false,
      types: [],
      ...compilerOptions,
    },
    include: [include],
  };
  writeFileSync(join(app, name), JSON.stringify(config, null, 2));
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'comment-thread-consumer-'));
  const { tarball } = pack(dir);
  app = join(dir, 'app');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: {
        'comment-thread': `file:${tarball}`,
        react: '^19',
        'react-dom': '^19',
        preact: '^11',
        'solid-js': '^1.9',
        svelte: '^5',
      },
      devDependencies: { '@types/react': '^19' },
    }),
  );
  writeFileSync(join(app, 'src/main.ts'), main);
  writeFileSync(join(app, 'src/app.tsx'), tsx);
  tsconfig('tsconfig.bundler.json', { module: 'ESNext', moduleResolution: 'bundler' });
  tsconfig('tsconfig.node16.json', { module: 'node16', moduleResolution: 'node16' });
  for (const [name, { file, code, compilerOptions }] of Object.entries(frameworks)) {
    for (const [dir, text] of [
      [`src-${name}`, code],
      [`src-${name}-loose`, withoutExpectedErrors(code)],
    ]) {
      mkdirSync(join(app, dir), { recursive: true });
      writeFileSync(join(app, dir, file), text);
    }
    const options = { module: 'ESNext', moduleResolution: 'bundler', ...compilerOptions };
    tsconfig(`tsconfig.${name}.json`, options, `src-${name}`);
    tsconfig(`tsconfig.${name}-loose.json`, options, `src-${name}-loose`);
  }
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: app,
  });
  assert.equal(install.status, 0, `npm install failed:\n${install.output}`);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const resolution of ['bundler', 'node16']) {
  test(`a TypeScript app type-checks against the installed package (moduleResolution ${resolution})`, () => {
    const result = run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: app });
    assert.equal(result.status, 0, result.output);
  });
}

test('the @ts-expect-error lines are errors: without them the same code fails to type-check', () => {
  const loose = join(app, 'src-loose');
  mkdirSync(loose, { recursive: true });
  writeFileSync(join(loose, 'main.ts'), main.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, ''));
  writeFileSync(join(loose, 'app.tsx'), tsx.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, ''));
  writeFileSync(
    join(app, 'tsconfig.loose.json'),
    JSON.stringify({ extends: './tsconfig.bundler.json', include: ['src-loose'] }),
  );
  const result = run(process.execPath, [tsc, '-p', 'tsconfig.loose.json'], { cwd: app });
  assert.notEqual(result.status, 0);
  // One error per removed line: the wrong order (twice), the draft's body (twice), the wrapper's detail,
  // a source without its options.
  const errors = result.output.match(/error TS\d+/g) ?? [];
  assert.equal(errors.length, 6, result.output);
});

for (const [name, { errors }] of Object.entries(frameworks)) {
  test(`${name}: the element's typing type-checks against the real package`, () => {
    const result = run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: app });
    assert.equal(result.status, 0, result.output);
  });

  test(`${name}: wrong values, a string adapter and wrong detail properties are errors`, () => {
    const result = run(process.execPath, [tsc, '-p', `tsconfig.${name}-loose.json`], { cwd: app });
    assert.notEqual(result.status, 0);
    const found = result.output.match(/error TS\d+/g) ?? [];
    assert.equal(found.length, errors, result.output);
  });
}

test('Node resolves an adapter entry of the installed package', () => {
  const code =
    "const m = await import('comment-thread/adapters/rest'); if (typeof m.rest !== 'function') process.exit(1);";
  const result = run(process.execPath, ['--input-type=module', '-e', code], { cwd: app });
  assert.equal(result.status, 0, result.output);
});
