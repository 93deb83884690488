// Runs Playroute as a real process, the way `npm start` and a process manager do.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testMongoUri } from '../support/database';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function startProcess(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
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

async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('Playroute as a process', () => {
  it('starts, answers /health, and on SIGTERM stops cleanly with exit code 0', async () => {
    const started = await startProcess({ MONGODB_URI: testMongoUri() });
    const health = await fetch(`${started.url}/health`);
    expect(health.status).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('Playroute stopped');
  });

  it('with no MONGODB_URI, runs on the embedded store under DATA_DIR', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-data-'));
    try {
      const started = await startProcess({ DATA_DIR: dataDir });
      const body = (await (await fetch(`${started.url}/health`)).json()) as { database: { kind: string } };
      expect(body.database.kind).toBe('embedded');
      expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);
      started.child.kill('SIGINT');
      expect(await started.exited).toBe(0);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('with a bad setting, refuses to start with one line naming the variable, and exits non-zero', async () => {
    const { code, stderr } = await runUntilExit({ PORT: 'abc' });
    expect(code).toBe(78);
    expect(stderr.trim().split('\n')).toEqual(['Playroute cannot start: PORT must be a whole number from 0 to 65535 (got "abc")']);
  });

  it('in production without its secrets, refuses to start and says which are missing', async () => {
    const { code, stderr } = await runUntilExit({ NODE_ENV: 'production' });
    expect(code).toBe(78);
    expect(stderr).toMatch(/LTI_ENCRYPTION_KEY is required in production/);
  });
});
