// Starts Waline's own server (what its Dockerfile runs: @waline/vercel's vanilla.js) bound to 127.0.0.1
// with one worker. Port from argv[2]; storage and everything else from Waline's environment variables
// (SQLITE_PATH, JWT_TOKEN, …), see https://waline.js.org/en/reference/server/env.html.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const Application = require('thinkjs');

const root = dirname(require.resolve('@waline/vercel/package.json'));
new Application({ ROOT_PATH: root, APP_PATH: join(root, 'src'), proxy: true, env: 'production' }).run();
// Read when the server starts listening, which run() defers: the same way vanilla.js applies its config.
globalThis.think.config('host', '127.0.0.1');
globalThis.think.config('workers', 1);
