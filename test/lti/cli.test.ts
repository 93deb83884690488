// The admin commands as an administrator runs them: real processes against the real store, with MONGODB_URI or beside a running Playroute.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_ENCRYPTION_KEY } from '../../server/config';
import { createSecretBox } from '../../server/lti/secret-box';
import { createToolKeys } from '../../server/lti/tool-keys';
import { createPlatformRegistry } from '../../server/lti/store/platforms';
import { createToolKeyStore } from '../../server/lti/store/tool-keys';
import { connectTestDatabase, testMongoUri } from '../support/database';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.MONGODB_URI;
  delete base.NODE_ENV;
  delete base.VITEST;
  return { ...base, LOG_LEVEL: 'warn', ...env };
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: environment(env), timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

// mongoose's deprecation notice for `new` in PlatformRegistry.register is not the command's doing.
function problems(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.trim() && !/^\(node:\d+\) \[MONGOOSE\] Warning|^\(Use `node --trace-warnings/.test(line));
}

/** The run's MongoDB address with a database name of our own. */
function uriFor(dbName: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*(\?.*)?$/.exec(testMongoUri());
  if (!match) throw new Error('unexpected MongoDB URI');
  return `${match[1]}/${dbName}${match[2] ?? ''}`;
}

const PLATFORM = [
  '--issuer', 'https://canvas.instructure.com',
  '--client-id', '10000000000042',
  '--auth-url', 'https://sso.canvaslms.com/api/lti/authorize_redirect',
  '--token-url', 'https://school.instructure.com/login/oauth2/token',
  '--jwks-url', 'https://sso.canvaslms.com/api/lti/security/jwks',
  '--deployment-id', '12:abc',
  '--deployment-id', '13:def',
];

describe('npm run platform:add and keys:rotate with MONGODB_URI', () => {
  let db: Awaited<ReturnType<typeof connectTestDatabase>>;
  beforeAll(async () => {
    db = await connectTestDatabase('cli');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('registers the platform with its deployments and prints the URLs to enter in the LMS', async () => {
    const result = await run('server/cli/platform-add.ts', [...PLATFORM, '--name', 'Canvas (school)'], { MONGODB_URI: uriFor(db.dbName), PUBLIC_URL: 'https://routes.school.nl', LTI_ENCRYPTION_KEY: 'k'.repeat(40) });
    expect(problems(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Registered platform "Canvas (school)"');
    expect(result.stdout).toContain('https://routes.school.nl/lti/login');
    expect(result.stdout).toContain('https://routes.school.nl/lti/jwks');
    const platform = await createPlatformRegistry(db.connection).find('https://canvas.instructure.com', '10000000000042');
    expect(platform).toMatchObject({
      name: 'Canvas (school)',
      authLoginUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
      tokenUrl: 'https://school.instructure.com/login/oauth2/token',
      jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
      deploymentIds: ['12:abc', '13:def'],
      registeredVia: 'manual',
    });
  });

  it.each([
    [['--issuer', 'https://lms.example.edu'], '--client-id is required'],
    [PLATFORM.map((arg) => (arg === 'https://school.instructure.com/login/oauth2/token' ? 'ftp://school/token' : arg)), '--token-url must be an https URL'],
    [PLATFORM.filter((arg, i, all) => arg !== '--deployment-id' && all[i - 1] !== '--deployment-id'), '--deployment-id is required'],
    [[...PLATFORM, '--colour', 'blue'], "Unknown option '--colour'"],
  ])('refuses bad input with exit code 2 and one line naming the option (%#)', async (args, message) => {
    const result = await run('server/cli/platform-add.ts', args, { MONGODB_URI: uriFor(db.dbName) });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('keys:rotate: the JWKS then holds the old and the new key, and the new one signs', async () => {
    const keys = () => createToolKeys({ store: createToolKeyStore(db.connection), secrets: createSecretBox(DEVELOPMENT_ENCRYPTION_KEY, 'tool-keys') });
    await keys().ensureKey();
    const oldKid = (await keys().signingKey()).kid;
    const result = await run('server/cli/keys-rotate.ts', [], { MONGODB_URI: uriFor(db.dbName) });
    expect(problems(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);
    const newKid = /new kid: (\S+)/.exec(result.stdout)?.[1];
    expect(result.stdout).toContain(`old kid: ${oldKid}`);
    const after = keys();
    expect((await after.jwks()).keys.map((key) => key.kid)).toEqual([newKid, oldKid]);
    expect((await after.signingKey()).kid).toBe(newKid);
  });
});

describe('platform:add beside a running Playroute on the embedded store', () => {
  let server: ChildProcess | undefined;
  let dataDir: string;
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reaches the store through DATA_DIR/embedded-store.uri instead of fighting over the lock', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'playroute-cli-'));
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: environment({ PORT: '0', DATA_DIR: dataDir, DEMO_LMS: 'false', LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      server?.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Playroute is listening')) resolve();
      });
      server?.once('exit', (code) => reject(new Error(`Playroute exited (${code}): ${output}`)));
    });
    const uri = readFileSync(path.join(dataDir, 'embedded-store.uri'), 'utf8').trim();
    // The embedded store listens on a Unix socket (0600) in DATA_DIR, not on a TCP port.
    expect(uri).toBe(`mongodb://${encodeURIComponent(path.join(dataDir, 'embedded-store.sock'))}/?directConnection=true`);

    const result = await run('server/cli/platform-add.ts', PLATFORM, { DATA_DIR: dataDir });
    expect(problems(result.stderr)).toEqual([]);
    expect(result.code).toBe(0);

    // The running server's own database holds the platform.
    const connection = await mongoose.createConnection(uri, { dbName: 'playroute' }).asPromise();
    try {
      const platform = await createPlatformRegistry(connection).find('https://canvas.instructure.com', '10000000000042');
      expect(platform?.deploymentIds).toEqual(['12:abc', '13:def']);
    } finally {
      await connection.close();
    }

    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    expect(existsSync(path.join(dataDir, 'embedded-store.uri'))).toBe(false);
  });
});
