// What every web-test-runner config here shares: the browser (a Chromium found or installed by
// scripts/chromium.mjs, pinned to one locale and time zone so dates are deterministic), TypeScript
// through esbuild, and the reporters, the last of which counts tests for the closing line.
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, ensureChromium } from './chromium.mjs';
import { countReporter } from './count-reporter.mjs';

/** Headless Chromium in en-GB and New York time. */
export const chromium = () => [
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: ensureChromium(), headless: true, args: chromiumArgs },
    createBrowserContext: ({ browser }) => browser.newContext({ locale: 'en-GB', timezoneId: 'America/New_York' }),
  }),
];

/** The project's TypeScript, decorators included, as the browser gets it. */
export const typescript = () => esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' });

export const reporters = () => [defaultReporter(), summaryReporter({ flatten: false }), countReporter()];
