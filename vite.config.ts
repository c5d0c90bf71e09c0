/**
 * Two outputs. `vite build` writes the script-tag file, dist/comment-thread.js: it registers the element,
 * bundles Lit and zod, and leaves adapters, locales and the sanitizer fallback as lazy chunks in
 * dist/chunks/. The npm build (unbundled ESM with .d.ts, Lit and zod left to the app's bundler) is
 * `tsc -p tsconfig.build.json`, run after it by `npm run build`. `vite` alone serves the demo.
 */
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/**
 * The modules the entry imports statically, directly or not: what every page loads. Everything else
 * (each backend, the submit path, other locales, the sanitizer fallback, and the parts of zod and Lit
 * only they use) is reached through a dynamic import and stays in the chunks loaded on demand.
 */
function staticGraph(): Plugin & { has(id: string): boolean } {
  const reached = new Set<string>();
  return {
    name: 'comment-thread:static-graph',
    has: (id) => reached.has(id),
    buildEnd() {
      reached.clear();
      const entry = [...this.getModuleIds()].find((id) => this.getModuleInfo(id)?.isEntry);
      const stack = entry ? [entry] : [];
      while (stack.length) {
        const id = stack.pop()!;
        if (reached.has(id)) continue;
        reached.add(id);
        stack.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
  };
}
const firstLoad = staticGraph();

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? 'demo' : '.',
  plugins: [minifyTemplates(), firstLoad],
  // Relative, so the worker that warms Intl is found next to the chunks wherever dist/ is served from.
  base: command === 'build' ? './' : '/',
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: 'oxc',
    sourcemap: true,
    modulePreload: false,
    // Library mode: no module-preload helper (the chunks a page needs are few and known). Vite leaves
    // whitespace in library ES output for bundlers' sake; this file goes straight to browsers, so the
    // output is minified fully. The npm build is tsc's, unbundled.
    lib: { entry: 'src/script-tag.ts', formats: ['es'], fileName: () => 'comment-thread.js' },
    rolldownOptions: {
      // The entry file may export more than define.ts does: the lazy chunks import what they share with
      // it from dist/comment-thread.js itself, so the page fetches one file before the element runs,
      // not an entry that then imports the chunk holding everything.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        // Licence comments stay; `@__PURE__` annotations, there for a bundler's tree-shaking, go: this
        // build is for browsers (bundlers get the npm build), and they were 0.5% of every page's download.
        comments: { legal: true, annotation: false, jsdoc: false },
        // Everything the entry needs goes in one chunk, the entry file: one gzip stream instead of several
        // small shared chunks. Lazy modules keep their own chunks and import from it.
        codeSplitting: {
          // The HTTP base and the adapter helpers join it too: every built-in backend loads them (the memory one for its seed).
          groups: [{ name: 'comment-thread', test: (id: string) => firstLoad.has(id) || /\/src\/adapters\/(http|types)\.ts$/.test(id) }],
        },
      },
    },
  },
  worker: { rolldownOptions: { output: { entryFileNames: 'chunks/[name]-[hash].js' } } },
  oxc: { decorator: { legacy: true } },
}));
