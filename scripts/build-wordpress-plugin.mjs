#!/usr/bin/env node
// npm run build:wordpress-plugin: the WordPress plugin as WordPress installs it, a zip holding one folder
// comment-thread/ with the PHP of wordpress-plugin/comment-thread/ and the script-tag build (dist/
// comment-thread.js and dist/chunks/, no source maps). Builds dist/ first when it is missing.
// Usage: node scripts/build-wordpress-plugin.mjs [--dist DIR] [--out FILE.zip] [--dir DIR]
//   --dist  the script-tag build to bundle (default dist/)
//   --out   the zip (default wordpress-plugin/build/comment-thread.zip)
//   --dir   also (or, with --out '', only) write the plugin's folder here: DIR/comment-thread/
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: join(root, 'dist') },
    out: { type: 'string', default: join(root, 'wordpress-plugin/build/comment-thread.zip') },
    dir: { type: 'string' },
  },
});
const dist = resolve(values.dist);

if (!existsSync(join(dist, 'comment-thread.js'))) {
  const vite = join(root, 'node_modules/.bin/vite');
  const built = spawnSync(vite, ['build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** Every file of the plugin, as [path inside the zip, absolute path]. */
function files() {
  const out = [];
  const walk = (dir, under) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${under}${name}/`);
      else out.push([`${under}${name}`, path]);
    }
  };
  walk(join(root, 'wordpress-plugin/comment-thread'), 'comment-thread/');
  out.push(['comment-thread/dist/comment-thread.js', join(dist, 'comment-thread.js')]);
  for (const name of readdirSync(join(dist, 'chunks')).sort()) {
    if (name.endsWith('.js')) out.push([`comment-thread/dist/chunks/${name}`, join(dist, 'chunks', name)]);
  }
  out.push(['comment-thread/LICENSE', join(root, 'LICENSE')]);
  return out.filter(([, path]) => existsSync(path));
}

// CRC-32 (ISO-HDLC), for the zip's headers.
const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data) => {
  let c = 0xffffffff;
  for (const byte of data) c = TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A zip (deflated entries, fixed 1980 timestamps so the same input gives the same bytes). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, path] of entries) {
    const data = readFileSync(path);
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(0, 10);
    head.writeUInt16LE(0x21, 12); // 1980-01-01
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by Unix, so the mode below is read
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const entries = files();
if (values.dir) {
  const target = resolve(values.dir);
  rmSync(join(target, 'comment-thread'), { recursive: true, force: true });
  for (const [name, path] of entries) {
    mkdirSync(dirname(join(target, name)), { recursive: true });
    cpSync(path, join(target, name));
  }
  console.error(`plugin folder: ${join(target, 'comment-thread')}`);
}
if (values.out) {
  const out = resolve(values.out);
  mkdirSync(dirname(out), { recursive: true });
  const bytes = zip(entries);
  writeFileSync(out, bytes);
  console.error(`${relative(process.cwd(), out) || out}: ${entries.length} files, ${(bytes.length / 1024).toFixed(0)} KiB`);
}
