// Runs Playroute as a real process (server/main.ts under tsx), the way `npm start` and a process manager do.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];

export interface StartedPlayroute {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function spawnPlayroute(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Starts Playroute on a free port and resolves once it listens, with the URL it printed. */
export function startPlayroute(env: Record<string, string>): Promise<StartedPlayroute> {
  const child = spawnPlayroute({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', ...env });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"([^"]+)".*Playroute is listening/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`Playroute exited with ${code} before listening:\n${output}`)));
  });
}

/** Runs Playroute until it exits by itself (a refused start), with its exit code and standard error. */
export async function runPlayrouteUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawnPlayroute(env);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

/** Kills whatever a test left running; call in afterEach/afterAll. */
export function killPlayrouteProcesses(): void {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}
