// `npm start`: builds the client when its sources are newer than the build, then runs Playroute and prints where to go.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFromCommandLine } from '../main';

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

function clientNeedsBuild(): boolean {
  if (!fs.existsSync(BUILT_INDEX)) return true;
  return newestChange(CLIENT) > fs.statSync(BUILT_INDEX).mtimeMs;
}

if (clientNeedsBuild()) {
  console.log('Building the Playroute client…');
  const build = spawnSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('The client could not be built; see the messages above.');
    process.exit(build.status ?? 1);
  }
}

await runFromCommandLine((running, config) => {
  console.log(`\nPlayroute is running at ${running.url}`);
  if (config.demoLms) console.log(`Try it in the demo course: open ${running.url}/demo-lms and launch as teacher, student or coach.`);
  console.log(`Data: ${config.mongodbUri ? 'MongoDB (MONGODB_URI)' : config.dataDir}. Stop with Ctrl-C.\n`);
});
