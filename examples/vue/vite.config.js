import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // Vue would otherwise try to resolve <comment-thread> as a Vue component and warn that it cannot.
          isCustomElement: (tag) => tag === 'comment-thread' || tag === 'comment-count',
        },
      },
    }),
  ],
});
