// Unit and element tests in headless Chromium (Debian's, or any found by scripts/chromium.mjs).
import { existsSync } from 'node:fs';
import { chromium, reporters, typescript } from './scripts/wtr-shared.mjs';
import { testCommands, testServer } from './test/server/plugin.mjs';

export default {
  files: ['test/**/*.test.ts', '!test/integration/**'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    typescript(),
    // Docs examples import the package by name, as its users do.
    {
      name: 'self-reference',
      resolveImport: ({ source }) => (source === 'comment-thread' ? '/src/index.ts' : undefined),
    },
    testCommands(),
  ],
  middleware: [sourceAsBuilt(), testServer()],
  browsers: chromium(),
  concurrency: 2,
  // A hang guard, not a speed limit: a test's own waits (test/helpers.ts `until`) give up first, naming what
  // never happened; on a busy machine every step is slower, and no test may depend on speed.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 300000,
  reporters: reporters(),
};

/**
 * A module the source names by its built URL rather than by an import (the Intl warm-up worker:
 * `new URL('../intl-warm.js', import.meta.url)`) is served from its TypeScript file, as the build would
 * have it; imports are resolved to .ts before they are requested, so only such URLs reach this.
 */
function sourceAsBuilt() {
  return (ctx, next) => {
    const ts = ctx.path.replace(/\.js$/, '.ts');
    if (ctx.path.startsWith('/src/') && ts !== ctx.path && !existsSync(`.${ctx.path}`) && existsSync(`.${ts}`)) ctx.path = ts;
    return next();
  };
}
