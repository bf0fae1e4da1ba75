import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleBudget } from './scripts/bundle-budget';

/**
 * The web app. `index.html` sits at the repo root; the build lands in dist/web, which the
 * server serves (CEDU_WEB_DIR). During development `/api` goes to a running server:
 * CEDU_API=http://localhost:3100 npx vite   (or `npx vite preview` for the built files)
 */
const apiProxy = { '/api': { target: process.env.CEDU_API ?? 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root: '.',
  base: '/',
  plugins: [react(), bundleBudget()],
  server: { port: Number(process.env.VITE_PORT ?? 5173), proxy: apiProxy },
  // `npx vite preview` serves the built dist/web the same way, for checking a build.
  preview: { port: Number(process.env.VITE_PORT ?? 4173), proxy: apiProxy },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 900,
    // dist/web/.vite/manifest.json: which files each page needs (used to report bundle sizes).
    manifest: true,
    rolldownOptions: {
      // The resident's sign-in page is its own tiny entry (no React, no antd): src/modules/signin/web/signin.html.
      input: { main: 'index.html', signin: 'src/modules/signin/web/signin.html' },
      output: {
        // Modules run in import order across chunks: src/shared/zod-browser.ts must run before
        // the contracts build their schemas (or zod probes for eval and the CSP reports it).
        strictExecutionOrder: true,
        // antd's per-page pieces get long generated names; keep the files readable.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('antd~') ? 'assets/antd-[hash].js' : 'assets/[name]-[hash].js',
        codeSplitting: {
          groups: [
            // React and the router change rarely: one long-cached chunk every page needs.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 30,
            },
            // antd is split by which pages use which parts, so the login page does not
            // download the table, tree and date picker.
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs|@emotion|stylis|classnames|clsx)[\\/]/,
              priority: 20,
              entriesAware: true,
              entriesAwareMergeThreshold: 0,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
