// `npm run store`: the embedded store as a process of its own, shared through the MONGODB_URI it prints, durable in
// DATA_DIR across restarts, alone on its folder, and stopped cleanly by a signal.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'playroute-store-process-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface RunningStore {
  child: ChildProcess;
  uri: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the command `npm run store` runs, and resolves with the MONGODB_URI it prints (or rejects when it exits first). */
function runStore(env: Record<string, string>): Promise<RunningStore> {
  const child = spawn(process.execPath, ['server/cli/run.js', 'store'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const uri = /^MONGODB_URI=(\S+)$/m.exec(output)?.[1];
      if (uri && output.includes('Stop with Ctrl-C')) resolve({ child, uri, output: () => output, exited });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(Object.assign(new Error(`the store exited with ${code}:\n${output}`), { code, output })));
  });
}

async function connect(uri: string) {
  return mongoose.createConnection(uri, { dbName: 'store_process_test', serverSelectionTimeoutMS: 10_000 }).asPromise();
}

describe('npm run store', () => {
  it('serves one database to several clients, keeps it across a restart, and stops cleanly on SIGTERM and SIGINT', async () => {
    // On a loopback TCP port when STORE_PORT is given (0: any free port).
    const first = await runStore({ STORE_PORT: '0' });
    expect(first.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/\?directConnection=true$/);
    expect(first.output()).toMatch(/127\.0\.0\.1 only \(loopback\)/);

    // Two clients, as two Playroute processes: what one writes, the other reads.
    const writer = await connect(first.uri);
    const reader = await connect(first.uri);
    await writer.collection('notes').insertOne({ _id: 'shared' as never, text: 'written by one process' });
    expect(await reader.collection('notes').findOne({ _id: 'shared' as never })).toMatchObject({ text: 'written by one process' });
    await writer.close();
    await reader.close();

    // The folder is locked while its store runs: a second store on it is refused in one line.
    await expect(runStore({})).rejects.toMatchObject({ code: 1, output: expect.stringMatching(/^store: cannot start: .*already in use/m) });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('The store stopped.');

    // Without STORE_PORT, on its Unix socket in DATA_DIR, with the data of before.
    const second = await runStore({});
    expect(second.uri).toMatch(/^mongodb:\/\/%2F.*embedded-store\.sock\/\?directConnection=true$/);
    const again = await connect(second.uri);
    expect(await again.collection('notes').findOne({ _id: 'shared' as never })).toMatchObject({ text: 'written by one process' });
    await again.close();
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('refuses a STORE_PORT that is no port, naming it', async () => {
    await expect(runStore({ STORE_PORT: 'http' })).rejects.toMatchObject({
      code: 78,
      output: 'store: cannot start: STORE_PORT must be a whole number from 0 to 65535\n',
    });
    // The store's thread starts while the environment is checked; it is closed before the exit, unlocking the folder.
    expect(existsSync(path.join(dataDir, 'embedded-store.lock'))).toBe(false);
  });
});
