// Finds a Chromium for the browser tests and the benchmark: CHROME_PATH (or CHROMIUM_PATH), then the
// system's, then Playwright's cache. `ensureChromium()` installs Debian's package when none is found and
// it may (root with apt-get), else explains in one line what to install.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function playwrightCache() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.startsWith('chromium'))
    .sort()
    .reverse()
    .flatMap((name) => [
      join(root, name, 'chrome-linux64', 'chrome'),
      join(root, name, 'chrome-linux', 'chrome'),
      join(root, name, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
    ]);
}

/** The path of a Chromium binary, or undefined. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH || process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return [...SYSTEM, ...playwrightCache()].find((path) => existsSync(path));
}

/** Like findChromium(), installing Debian's chromium when allowed; exits with one line when impossible. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt && process.env.COMMENT_THREAD_NO_INSTALL !== '1') {
    console.log('No Chromium found: installing Debian\'s chromium package (apt-get install chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () =>
      execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    try {
      install();
    } catch {
      execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
      install();
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    'No Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to its binary.',
  );
  process.exit(1);
}

/** Flags for headless Chromium as root in a container, without background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
