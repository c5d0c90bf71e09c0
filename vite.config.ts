/**
 * Two outputs. `vite build` writes the script-tag file, dist/comment-thread.js: it registers the element,
 * bundles Lit and zod, and leaves adapters, locales and the sanitizer fallback as lazy chunks in
 * dist/chunks/. The npm build (unbundled ESM with .d.ts, Lit and zod left to the app's bundler) is
 * `tsc -p tsconfig.build.json`, run after it by `npm run build`. `vite` alone serves the demo.
 */
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/** Modules loaded on demand: each backend, the submit path, other locales, the sanitizer fallback. */
const LAZY =
  /\/src\/adapters\/(?!http|errors|types|registry)[\w-]+\.ts$|\/src\/i18n\/(?!index|messages)\w+\.ts$|\/(submit|validate)\.ts$|dompurify/;

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? 'demo' : '.',
  plugins: [minifyTemplates()],
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
    lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'comment-thread.js' },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        minify: true,
        // Everything the entry needs goes in one chunk (the entry re-exports it): one gzip stream instead
        // of several small shared chunks. Lazy modules keep their own chunks and import from it.
        codeSplitting: {
          groups: [{ name: 'comment-thread', test: (id: string) => !LAZY.test(id) }],
        },
      },
    },
  },
  oxc: { decorator: { legacy: true } },
}));
