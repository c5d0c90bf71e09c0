// Browser tests against a real comment server started by an integration script (scripts/integration.mjs):
// INTEGRATION_FILES names the tests, INTEGRATION_ENV (JSON) what they need to know, served to them as
// the module /__integration-env.js; WTR_PORT fixes the page's port when the server must know the origin.
import { fileURLToPath } from 'node:url';
import { chromium, reporters, typescript } from './wtr-shared.mjs';

const { INTEGRATION_FILES, INTEGRATION_ENV = '{}', WTR_PORT } = process.env;
if (!INTEGRATION_FILES) {
  console.error('Run these tests through their script: npm run test:waline, npm run test:isso.');
  process.exit(1);
}
const env = JSON.parse(INTEGRATION_ENV);

const integrationEnv = {
  name: 'integration-env',
  serve(context) {
    if (context.path !== '/__integration-env.js') return undefined;
    const body = Object.entries(env)
      .map(([key, value]) => `export const ${key} = ${JSON.stringify(value)};`)
      .join('\n');
    return { body, type: 'js' };
  },
};

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  files: [INTEGRATION_FILES],
  ...(WTR_PORT ? { port: Number(WTR_PORT) } : {}),
  nodeResolve: { exportConditions: ['development'] },
  plugins: [typescript(), integrationEnv],
  browsers: chromium(),
  concurrency: 1,
  testFramework: { config: { timeout: 60000 } },
  testsFinishTimeout: 180000,
  reporters: reporters(),
};
