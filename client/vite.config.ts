import path from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type UserConfig } from 'vite';

const clientRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig(({ command, mode }) => {
  // A production build is one whatever NODE_ENV the caller runs in: vitest sets it to "test", and the browser tests'
  // build (then served by npm start, being newer than the sources) carried React's development build, 60 % larger.
  // Vite reads NODE_ENV after loading this file, as its own warning advises (`--mode development` still builds dev).
  if (command === 'build' && mode === 'production') process.env.NODE_ENV = 'production';
  return config;
});

const config = {
  root: clientRoot,
  // The client is written against React's API and types, and runs on Preact's compat layer: React 19 with react-dom
  // is 68.6 kB gzipped before a line of Playroute, Preact with compat about 11 kB, which brings every role's first
  // screen under issue 13's 80 kB (a student on a phone's data plan downloads half). The aliases send `react`,
  // `react-dom` and `react/jsx-runtime` to preact/compat; the browser suite runs on this build. Prefresh does what
  // React Refresh did for `npm run dev:client`.
  plugins: [preact({ reactAliasesEnabled: true, prerender: { enabled: false } })],
  // The manifest (dist/.vite, not served: a dot folder) lets `npm run bench:client` tell what each role downloads first.
  // No modulepreload polyfill: index.html preloads nothing (each role's chunks load lazily, with the preload helper
  // fetching a screen's imports beside it), and a browser without modulepreload merely fetches those one by one.
  build: { outDir: path.join(clientRoot, 'dist'), emptyOutDir: true, sourcemap: true, manifest: true, modulePreload: { polyfill: false } },
  server: { proxy: { '/api': 'http://localhost:3000', '/lti': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
} satisfies UserConfig;
