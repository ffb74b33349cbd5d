import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

/** Folder of this config: the app is rooted here whatever the working directory is. */
const root = fileURLToPath(new URL('.', import.meta.url));

/** Where the API listens during development (the built app is served by the API itself). */
const apiUrl = process.env.API_URL ?? 'http://localhost:3000';

const apiProxy: Record<string, ProxyOptions> = Object.fromEntries(
  ['/graphql', '/health', '/ready'].map((path) => [path, { target: apiUrl, changeOrigin: false }]),
);

export default defineConfig({
  root,
  base: '/',
  // No React plugin: Vite's built-in Oxc transform compiles JSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    // The one framework-free module of @symmetry/domain the app uses: the notifications' words,
    // shared with the API (the rest of the library needs Node).
    alias: {
      '@symmetry/domain/notifications': fileURLToPath(
        new URL('../../libs/domain/src/notifications/index.ts', import.meta.url),
      ),
    },
  },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      onLog(level, log, handler) {
        // Mantine marks its modules "use client" (for React Server Components): meaningless in an SPA.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        // Libraries that change rarely get their own long-cached chunks; pages stay split by route.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 3,
            },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/,
              priority: 2,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
