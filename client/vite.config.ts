import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
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
  plugins: [react()],
  // The manifest (dist/.vite, not served: a dot folder) lets `npm run bench:client` tell what each role downloads first.
  // No modulepreload polyfill: index.html preloads nothing (each role's chunks load lazily, with the preload helper
  // fetching a screen's imports beside it), and a browser without modulepreload merely fetches those one by one.
  build: { outDir: path.join(clientRoot, 'dist'), emptyOutDir: true, sourcemap: true, manifest: true, modulePreload: { polyfill: false } },
  server: { proxy: { '/api': 'http://localhost:3000', '/lti': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
} satisfies UserConfig;
