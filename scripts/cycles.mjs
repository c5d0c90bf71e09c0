// Lists the import cycles among src/ modules: static imports, re-exports, dynamic import()s and type
// imports alike. A lazy or type-only import that comes back still makes two modules that cannot be
// read, tested or moved apart. Run: node scripts/cycles.mjs (exits 1 on a cycle).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMPORT = /(?:^|[;\s])(?:import|export)\s+(?:[^'";]*?\sfrom\s*)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/gm;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Each module of `root` with the modules it imports at run time. */
export function graph(root) {
  const edges = new Map();
  for (const file of files(root)) {
    const out = new Set();
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), (match[1] ?? match[2]).replace(/\.js$/, '.ts'));
      out.add(target);
    }
    edges.set(file, out);
  }
  return edges;
}

/** Every elementary cycle found by a depth-first walk, each as a list of paths relative to `root`. */
export function cycles(root) {
  const edges = graph(root);
  const found = new Map();
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).map((f) => relative(root, f));
        found.set([...cycle].sort().join(' '), cycle);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return [...found.values()];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
  const list = cycles(root);
  for (const cycle of list) console.log(`cycle: ${[...cycle, cycle[0]].join(' → ')}`);
  console.log(list.length ? `${list.length} import cycle(s) in src/` : 'no import cycle in src/');
  process.exit(list.length ? 1 : 0);
}
