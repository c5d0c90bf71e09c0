import { defineConfig } from 'astro/config';

// A static site: every page is HTML at build time.
export default defineConfig({});
