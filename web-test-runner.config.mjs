// Unit and element tests in headless Chromium (Debian's, or any found by scripts/chromium.mjs).
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
  middleware: [testServer()],
  browsers: chromium(),
  concurrency: 2,
  // A hang guard, not a speed limit: a test's own waits (test/helpers.ts `until`) give up first, naming what
  // never happened; on a busy machine every step is slower, and no test may depend on speed.
  testFramework: { config: { timeout: 30000 } },
  testsFinishTimeout: 300000,
  reporters: reporters(),
};
