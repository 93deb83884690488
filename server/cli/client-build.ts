// Builds the React client when its sources are newer than the last build (npm start and the browser tests both need it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLIENT = path.join(ROOT, 'client');
const BUILT_INDEX = path.join(CLIENT, 'dist', 'index.html');

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function clientNeedsBuild(): boolean {
  if (!fs.existsSync(BUILT_INDEX)) return true;
  return newestChange(CLIENT) > fs.statSync(BUILT_INDEX).mtimeMs;
}

/** Runs `vite build` when needed; throws with vite's exit status when the build fails. */
export function ensureClientBuilt(options: { quiet?: boolean } = {}): boolean {
  if (!clientNeedsBuild()) return false;
  const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: options.quiet ? 'pipe' : 'inherit',
  });
  if (build.status !== 0) {
    throw new Error(`The client could not be built (vite exited with ${build.status}).${options.quiet ? `\n${build.stderr?.toString() ?? ''}` : ''}`);
  }
  return true;
}
