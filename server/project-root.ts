// Where Playroute's folder is, found the same way from the TypeScript sources (server/…) and from the built bundles (dist/server/…).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The nearest folder above `from` that holds Playroute's package.json. A bundle moves the code to another depth
 * (every module of dist/server/start.js shares that file's import.meta.url), so a fixed number of '..' would not do.
 */
export function projectRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

export const PROJECT_ROOT = projectRoot();
/** The built React client (vite's outDir in client/vite.config.ts). */
export const CLIENT_DIST = path.join(PROJECT_ROOT, 'client', 'dist');
/** The built server: one ES module per command, made by `npm run build` (server/cli/build.ts). */
export const SERVER_DIST = path.join(PROJECT_ROOT, 'dist', 'server');
