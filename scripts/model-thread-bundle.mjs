// The model thread as a page script for screenshot scripts: the element from source (no dist/ build),
// the memory backend seeded with the model page's comments, each with the test avatar.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const entry = `
import './src/define.ts';
import { memory } from './src/adapters/memory.ts';
import { seedThread } from './test/fixtures.ts';
const avatar = new URL('/avatar.svg', location.href).href;
document.querySelector('comment-thread').adapter = memory({
  comments: seedThread.map((c) => ({ ...c, author: { ...c.author, avatarUrl: avatar } })),
});
`;

/** Files to serve: `/thread.js` (the bundle) and `/avatar.svg`, as [content type, bytes]. */
export async function modelThreadFiles(root) {
  const bundle = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'model-thread-entry.ts' },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
    // The project's decorators (experimentalDecorators, see tsconfig.json).
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return {
    '/thread.js': ['text/javascript', bundle.outputFiles[0].contents],
    '/avatar.svg': ['image/svg+xml', readFileSync(join(root, 'test', 'fixtures', 'images', 'avatar.svg'))],
  };
}
