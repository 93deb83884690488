// Runs Playroute as a real process, the way `npm start` and a process manager do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testMongoUri } from '../support/database';
import { killPlayrouteProcesses, runPlayrouteUntilExit, startPlayroute } from '../support/playroute-process';

afterEach(killPlayrouteProcesses);

describe('Playroute as a process', () => {
  it('starts, answers /health, and on SIGTERM stops cleanly with exit code 0', async () => {
    const started = await startPlayroute({ MONGODB_URI: testMongoUri() });
    const health = await fetch(`${started.url}/health`);
    expect(health.status).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('Playroute stopped');
  });

  it('with no MONGODB_URI, runs on the embedded store under DATA_DIR', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playroute-data-'));
    try {
      const started = await startPlayroute({ DATA_DIR: dataDir });
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
    const { code, stderr } = await runPlayrouteUntilExit({ PORT: 'abc' });
    expect(code).toBe(78);
    expect(stderr.trim().split('\n')).toEqual(['Playroute cannot start: PORT must be a whole number from 0 to 65535 (got "abc")']);
  });

  it('outside production, on an address others can reach but with the public development key, refuses to start', async () => {
    const { code, stderr } = await runPlayrouteUntilExit({ NODE_ENV: 'development', PUBLIC_URL: 'https://routes.school.nl', MONGODB_URI: testMongoUri() });
    expect(code).toBe(78);
    expect(stderr).toMatch(/LTI_ENCRYPTION_KEY is required/);
  });

  it('in production without its secrets, refuses to start and says which are missing', async () => {
    const { code, stderr } = await runPlayrouteUntilExit({ NODE_ENV: 'production' });
    expect(code).toBe(78);
    expect(stderr).toMatch(/LTI_ENCRYPTION_KEY is required in production/);
  });
});
