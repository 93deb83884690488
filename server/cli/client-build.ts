// Builds the React client when its sources are newer than the last build (npm start and the browser tests both need it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_DIST, PROJECT_ROOT } from '../project-root';

const CLIENT = path.join(PROJECT_ROOT, 'client');
const BUILT_INDEX = path.join(CLIENT_DIST, 'index.html');
const VITE = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function clientIsBuilt(): boolean {
  return fs.existsSync(BUILT_INDEX);
}

export function clientNeedsBuild(): boolean {
  if (!clientIsBuilt()) return true;
  // A production install may ship the built client without its sources.
  if (!fs.existsSync(CLIENT)) return false;
  return newestChange(CLIENT) > fs.statSync(BUILT_INDEX).mtimeMs;
}

/** Runs `vite build` when needed (or always, with force); throws with vite's exit status when the build fails. */
export function ensureClientBuilt(options: { quiet?: boolean; force?: boolean } = {}): boolean {
  if (!options.force && !clientNeedsBuild()) return false;
  // vite is a development tool: after `npm prune --omit=dev` only a build made beforehand can be served.
  if (!fs.existsSync(VITE)) throw new Error('The client is not built and vite is not installed: run `npm run build` where the development dependencies are installed.');
  const build = spawnSync(process.execPath, [VITE, 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: PROJECT_ROOT,
    stdio: options.quiet ? 'pipe' : 'inherit',
  });
  if (build.status !== 0) {
    throw new Error(`The client could not be built (vite exited with ${build.status}).${options.quiet ? `\n${build.stderr?.toString() ?? ''}` : ''}`);
  }
  return true;
}
