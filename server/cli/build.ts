// `npm run build`: the React client (vite) and the server as plain JavaScript (esbuild), so a production start needs no dev tool.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT, SERVER_DIST } from '../project-root';
import { STORE_THREAD_ENTRY } from '../store/embedded/index';
import { ensureClientBuilt } from './client-build';

/** Every command a production install runs: `npm start` and the admin commands (see package.json and server/cli/run.js). */
export const SERVER_ENTRIES = ['start', 'platform-add', 'keys-rotate', 'lti-config', 'store', 'demo-lms', 'erase-person'] as const;

/** Not a command: the embedded store's worker thread, which it loads from dist/server/store-thread.js (server/store/embedded/index.ts). */
const STORE_THREAD = { [STORE_THREAD_ENTRY]: path.join(PROJECT_ROOT, 'server', 'store', 'embedded', 'store-thread.ts') };

const started = Date.now();
ensureClientBuilt({ force: true });
rmSync(SERVER_DIST, { recursive: true, force: true });
await build({
  entryPoints: { ...Object.fromEntries(SERVER_ENTRIES.map((name) => [name, path.join(PROJECT_ROOT, 'server', 'cli', `${name}.ts`)])), ...STORE_THREAD },
  outdir: SERVER_DIST,
  bundle: true,
  // Shared code goes into chunks once instead of into every command.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules, resolved at run time: `npm prune --omit=dev` leaves exactly what these import.
  packages: 'external',
  // /health reports the version; npm sets npm_package_version, but a container runs node without npm.
  define: { 'process.env.npm_package_version': JSON.stringify(packageVersion()) },
  sourcemap: true,
  logLevel: 'warning',
});
// dist/ is git-ignored; the marker lets `npm start` tell a build from a half-copied folder.
writeFileSync(path.join(SERVER_DIST, 'build.json'), `${JSON.stringify({ builtAt: new Date().toISOString(), entries: [...SERVER_ENTRIES, STORE_THREAD_ENTRY] }, null, 2)}\n`);
console.log(`Built the client (client/dist) and the server (${path.relative(PROJECT_ROOT, SERVER_DIST)}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
