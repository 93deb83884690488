// Runs a Playroute command (`npm start`, `npm run platform:add`, …): in production the JavaScript that `npm run build`
// made in dist/server, which needs no development tool; in development the TypeScript sources through tsx.
// Plain JavaScript on purpose: it must run where neither tsx nor TypeScript is installed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const COMMANDS = ['start', 'platform-add', 'keys-rotate', 'lti-config', 'store', 'demo-lms', 'erase-person'];

const command = process.argv[2] ?? '';
if (!COMMANDS.includes(command)) {
  process.stderr.write(`usage: node server/cli/run.js <${COMMANDS.join('|')}> [options]\n`);
  process.exit(2);
}
// The command reads its own options from process.argv.slice(2), as when it is run directly.
process.argv.splice(2, 1);

const built = path.join(ROOT, 'dist', 'server', `${command}.js`);
const production = process.env.NODE_ENV === 'production';

if (production || !installed('tsx')) {
  // Never a build here: in production the tools for it are gone (npm prune --omit=dev), and a server must not compile at start.
  if (!existsSync(built) || !existsSync(path.join(ROOT, 'dist', 'server', 'build.json'))) {
    process.stderr.write(`Playroute is not built (${path.relative(process.cwd(), built) || built} is missing): run npm run build\n`);
    process.exit(1);
  }
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, 'server', 'cli', `${command}.ts`)).href);
}

function installed(name) {
  try {
    import.meta.resolve(name);
    return true;
  } catch {
    return false;
  }
}
