/**
 * Two outputs. `vite build` writes the script-tag file, dist/comment-thread.js: it registers the element,
 * bundles Lit and zod, and leaves adapters, locales and the sanitizer fallback as lazy chunks in
 * dist/chunks/. The npm build (unbundled ESM with .d.ts, Lit and zod left to the app's bundler) is
 * `tsc -p tsconfig.build.json`, run after it by `npm run build`. `vite` alone serves the demo.
 */
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

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
    // Not library mode: Vite leaves whitespace in library ES output (to keep tree-shaking annotations
    // for bundlers), and this file goes straight to browsers. The npm build is tsc's.
    rolldownOptions: {
      input: 'src/define.ts',
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: 'comment-thread.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  oxc: { decorator: { legacy: true } },
}));
