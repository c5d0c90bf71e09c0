/**
 * Two outputs. `vite build` writes the script-tag file, dist/comment-thread.js: it registers the element,
 * bundles Lit and zod, and leaves adapters, locales and the sanitizer fallback as lazy chunks in
 * dist/chunks/. The npm build (unbundled ESM with .d.ts, Lit and zod left to the app's bundler) is
 * `tsc -p tsconfig.build.json`, run after it by `npm run build`. `vite` alone serves the demo.
 */
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => ({
  root: command === 'serve' ? 'demo' : '.',
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    modulePreload: false,
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'comment-thread.js',
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  esbuild: false,
  oxc: { decorator: { legacy: true } },
}));
