import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleBudget } from './scripts/bundle-budget';
import { precompress } from './scripts/precompress';
import { markWebBuilt } from './scripts/web-build.mjs';

/**
 * The web app. `index.html` sits at the repo root; the build lands in dist/web, which the
 * server serves (CEDU_WEB_DIR). During development `/api` goes to a running server:
 * CEDU_API=http://localhost:3100 npx vite   (or `npx vite preview` for the built files)
 */
const apiProxy = { '/api': { target: process.env.CEDU_API ?? 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root: '.',
  base: '/',
  plugins: [react(), bundleBudget(), precompress(), markWebBuilt()],
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
      // The resident's sign-in page is its own tiny entry (no React, no antd): src/modules/signin/web/signin.html;
      // the resident's phone pages (/m) are another (React, no antd, no router): src/modules/portal/web/phone.html;
      // the resident's survey page (/m/q/<id>) a third, without React: src/modules/surveys/web/survey.html.
      input: {
        main: 'index.html',
        signin: 'src/modules/signin/web/signin.html',
        phone: 'src/modules/portal/web/phone.html',
        survey: 'src/modules/surveys/web/survey.html',
      },
      // Needed to inline common chunks; nothing imports the entries' exports.
      preserveEntrySignatures: false,
      output: {
        // Modules run in import order across chunks: src/shared/zod-browser.ts must run before
        // the contracts build their schemas (or zod probes for eval and the CSP reports it).
        strictExecutionOrder: true,
        codeSplitting: {
          // A page on a village connection (150 ms a round trip, six connections at a time) waits
          // mostly for the number of files, not their size: the small chunks that automatic
          // splitting makes for every set of pages sharing a module (a hook, a form helper, a
          // piece of antd) are copied into the chunks that use them instead. The copies share one
          // module state through rolldown's runtime. Style modules stay files (vite's CSS plugin).
          experimentalInlineCommonChunks: {
            maxSize: 30_000,
            exclude: /\.(css|scss|sass|less|styl|stylus|pcss|postcss|sss)(\?|$)/,
          },
          groups: [
            // The compiler's helpers, on their own: else a vendor group below takes them along
            // with its modules and the sign-in page would load that group.
            { name: 'helpers', test: /@oxc-project[\\/+]runtime/, priority: 40 },
            // React and react-query change rarely: one long-cached chunk the staff app and the phone
            // pages need. Not the router: the phone pages have none (it would cost them 30 KB).
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/,
              priority: 30,
            },
            // The part of antd that most screens use (layout, buttons, forms, cards, messages;
            // modules that at least 27 chunks import, about half of the ~50 screens: 30 before the
            // phone pages' six chunks left the staff app, which keeps every screen's files as they
            // were), and the router: one long-cached chunk of the staff app, loaded with the login
            // page. The rest of antd (table, tree, date picker…) goes with the screens that use
            // it, by automatic splitting.
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|dayjs|@emotion|stylis|classnames|clsx|react-router)[\\/]/,
              minShareCount: 27,
              priority: 20,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
