/**
 * Two outputs. `vite build` writes the script-tag file, dist/comment-thread.js: a small loader that
 * imports the element's chunk (dist/chunks/comment-thread-*.js: registers the elements, bundles Lit and
 * zod) when an element is wanted, and leaves adapters, locales and the sanitizer fallback as lazy chunks
 * in dist/chunks/. The npm build (unbundled ESM with .d.ts, Lit and zod left to the app's bundler) is
 * `tsc -p tsconfig.build.json`, run after it by `npm run build`. `vite` alone serves the demo.
 */
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/**
 * The modules the element's module (src/script-element.ts, which the loader imports) imports
 * statically, directly or not: what every page showing a thread loads. Everything else
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
      const entry = [...this.getModuleIds()].find((id) => /\/src\/script-element\.ts$/.test(id));
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

/** The marker in src/script-tag.ts that {@link backendChunks} replaces. */
const MARKER = /(["'`])__BACKEND_CHUNKS__\1/;

/**
 * Writes into the loader, in place of its marker, each built-in backend's chunk by the name
 * src/adapters/registry.ts gives it: `rest=rest-…;wordpress=wordpress-…` (files in chunks/, without
 * `.js`). The loader imports the page's adapters beside the element's chunk (src/script-tag.ts).
 */
function backendChunks(): Plugin {
  return {
    name: 'comment-thread:backend-chunks',
    apply: 'build',
    generateBundle(_, bundle) {
      const registry = readFileSync(new URL('./src/adapters/registry.ts', import.meta.url), 'utf8');
      const names = new Map([...registry.matchAll(/\['([\w-]+)', \(\) => import\('\.\/([\w-]+)\.js'\)/g)].map((m) => [m[2], m[1]]));
      const entries: string[] = [];
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isDynamicEntry) continue;
        const name = names.get(/\/src\/adapters\/([\w-]+)\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1] ?? '');
        if (name) entries.push(`${name}=${chunk.fileName.replace(/^chunks\/(.*)\.js$/, '$1')}`);
      }
      if (!names.size || entries.length !== names.size) this.error(`backend-chunks: found ${entries.length} of ${names.size} backends' chunks`);
      const loader = bundle['comment-thread.js'];
      if (loader?.type !== 'chunk' || !MARKER.test(loader.code)) this.error('backend-chunks: the loader has no __BACKEND_CHUNKS__ marker');
      else loader.code = loader.code.replace(MARKER, () => JSON.stringify(entries.join(';')));
    },
  };
}

/**
 * Marks the element's chunk for eager compilation (V8's explicit compile hints): nearly every function in
 * it runs as a thread first shows, and compiled while the file streams in, off the main thread, they no
 * longer compile one by one on it at their first call. Measured against the same build without it, 10
 * comments came into the DOM about 0.1× the reference's time sooner. Engines without the feature read a
 * comment.
 */
function compileHints(): Plugin {
  return {
    name: 'comment-thread:compile-hints',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.isEntry || chunk.name !== 'comment-thread') continue;
        chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        // The source map's lines move down by one with the code.
        const map = bundle[`${chunk.fileName}.map`];
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const json = JSON.parse(map.source) as { mappings: string };
          json.mappings = `;${json.mappings}`;
          map.source = JSON.stringify(json);
        } else if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? 'demo' : '.',
  plugins: [minifyTemplates(), firstLoad, backendChunks(), compileHints()],
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
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        // Licence comments stay; `@__PURE__` annotations, there for a bundler's tree-shaking, go: this
        // build is for browsers (bundlers get the npm build), and they were 0.5% of every page's download.
        comments: { legal: true, annotation: false, jsdoc: false },
        // Everything the element needs goes in one chunk: one gzip stream instead of several small shared
        // chunks. Lazy modules keep their own chunks and import from it; the loader imports none of it.
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
