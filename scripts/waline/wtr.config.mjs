// Browser tests against a running Waline server; started by scripts/test-waline.mjs, which passes the
// server's URL and the seeded page's path in WALINE_URL and WALINE_PATH.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, ensureChromium } from '../chromium.mjs';
import { countReporter } from '../count-reporter.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';

const executablePath = ensureChromium();

/** Serves the server's address to the tests as a module: /__waline-env.js */
const walineEnv = {
  name: 'waline-env',
  serve(context) {
    if (context.path !== '/__waline-env.js') return undefined;
    return {
      body: `export const endpoint = ${JSON.stringify(process.env.WALINE_URL ?? '')};\nexport const path = ${JSON.stringify(process.env.WALINE_PATH ?? '')};\n`,
      type: 'js',
    };
  },
};

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: ['test/integration/waline/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), walineEnv],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromiumArgs },
      createBrowserContext: ({ browser }) => browser.newContext({ locale: 'en-GB', timezoneId: 'America/New_York' }),
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 180000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
