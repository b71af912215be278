import path from 'node:path';
import { defineConfig } from 'vite';

/*
 * The province web app. Built into dist/web and served by the API itself (same origin), so the
 * dev server proxies /api to a running API. JSX goes through Vite's own transform (oxc); the
 * React plugin only adds fast refresh, which is not worth its Babel 8 peer conflicts here.
 */
const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root,
  base: '/',
  publicDir: path.join(root, 'public'),
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: path.join(root, '..', 'dist', 'web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    target: 'es2022',
    rolldownOptions: {
      // Mantine marks its modules "use client" for React Server Components; a browser bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
