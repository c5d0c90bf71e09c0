// npm run check:package: packs the built package once (npm pack, without running prepack again) and checks
// the tarball: it holds only what a user needs (see `shipped` below), every source map comment points at
// a file in it, publint finds nothing (warnings count), and @arethetypeswrong/cli finds nothing under its
// esm-only profile. The package is ESM only ("type": "module", no require condition): the node10 and
// CommonJS resolutions that profile leaves out are not meant to work.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Whether a path in the tarball is one the package means to ship. */
export function shipped(path) {
  return (
    ['LICENSE', 'README.md', 'package.json', 'custom-elements.json'].includes(path) ||
    /^dist\/.+\.(?:js|d\.ts)$/.test(path) ||
    /^themes\/[\w-]+\.css$/.test(path) ||
    path === 'dist/vscode.html-custom-data.json' ||
    path === 'dist/web-types.json'
  );
}

/** Files the build must have written before packing. */
export const required = [
  'dist/comment-thread.js',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/react.js',
  'dist/jsx/react.d.ts',
  'dist/vscode.html-custom-data.json',
  'dist/web-types.json',
  'custom-elements.json',
];

/** Packs into `dir` without lifecycle scripts; returns { tarball, files } (files: paths in the tarball). */
export function pack(dir) {
  const missing = required.filter((f) => !existsSync(join(root, f)));
  if (missing.length) throw new Error(`not built (missing ${missing.join(', ')}): run npm run build first`);
  const result = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
  const [info] = JSON.parse(result.stdout);
  return {
    tarball: join(dir, info.filename),
    files: info.files.map((f) => f.path),
    size: info.size,
    unpackedSize: info.unpackedSize,
  };
}

/** Problems with the tarball's file list: files not meant to ship, source map comments pointing nowhere. */
export function contentProblems(files) {
  const problems = files.filter((f) => !shipped(f)).map((f) => `ships ${f}, which it should not`);
  for (const f of required) if (!files.includes(f)) problems.push(`does not ship ${f}`);
  for (const f of files.filter((f) => f.endsWith('.js'))) {
    const map = readFileSync(join(root, f), 'utf8').match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
    if (!map || map.startsWith('data:')) continue;
    const target = join(f, '..', map).split('\\').join('/');
    if (!files.includes(target)) problems.push(`${f} points at a source map that is not shipped: ${map}`);
  }
  return problems;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'comment-thread-pack-'));
  let failed = false;
  try {
    const { tarball, files, size, unpackedSize } = pack(dir);
    console.log(`▶ tarball: ${files.length} files, ${size} bytes packed, ${unpackedSize} unpacked`);
    const problems = contentProblems(files);
    for (const p of problems) console.log(`  ✗ ${p}`);
    if (problems.length) failed = true;
    else
      console.log('  ✓ only LICENSE, README.md, package.json, custom-elements.json and dist (JS, .d.ts, editor data)');

    console.log('▶ publint (strict)');
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const buffer = readFileSync(tarball);
    const { messages } = await publint({
      pack: { tarball: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) },
      strict: true,
    });
    for (const m of messages) console.log(`  ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    if (messages.some((m) => m.type !== 'suggestion')) failed = true;
    if (!messages.length) console.log('  ✓ no issues');

    console.log('▶ attw --profile esm-only');
    const attw = spawnSync(
      'npx',
      ['attw', tarball, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (attw.status !== 0) failed = true;
  } catch (error) {
    console.error(String(error?.message ?? error));
    failed = true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(failed ? '\npackage check failed' : '\npackage check passed');
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
