// Unit and element tests in headless Chromium (Debian's, or any found by scripts/chromium.mjs).
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, ensureChromium } from './scripts/chromium.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { testCommands, testServer } from './test/server/plugin.mjs';

const executablePath = ensureChromium();

export default {
  files: ['test/**/*.test.ts', '!test/integration/**'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    // Docs examples import the package by name, as its users do.
    { name: 'self-reference', resolveImport: ({ source }) => (source === 'comment-thread' ? '/src/index.ts' : undefined) },
    testCommands(),
  ],
  middleware: [testServer()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
      createBrowserContext: ({ browser }) => browser.newContext({ locale: 'en-GB', timezoneId: 'America/New_York' }),
    }),
  ],
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
