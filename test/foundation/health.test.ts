import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { ServingState } from '../../server/http/health-routes';
import { createLogger } from '../../server/logger';
import { createLti } from '../../server/lti/index';
import { openDatabase } from '../../server/store/database';
import { startEmbeddedMongo } from '../../server/store/embedded/index';
import { buildTestApp, type TestApp } from '../support/app';
import { testMongoUri, uniqueDatabaseName } from '../support/database';
import { killPlayrouteProcesses, startPlayroute } from '../support/playroute-process';

describe('GET /health', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await buildTestApp();
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('when the database answers, reports ok and the database as up', async () => {
    const res = await request(testApp.app).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { state: 'up' } });
    expect(['embedded', 'mongodb']).toContain(res.body.database.kind);
  });

  it('an unknown page answers 404 in the one error shape', async () => {
    const res = await request(testApp.app).get('/lti/nothing-here').expect(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('every answer tells browsers not to sniff types or leak URLs, and to run only Playroute’s own scripts', async () => {
    const res = await request(testApp.app).get('/health');
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
  });

  it('the API, even an unknown path of it, asks for a launch session first', async () => {
    const res = await request(testApp.app).get('/api/nothing-here').expect(401);
    expect(res.body.error.code).toBe('not_authenticated');
  });

  it('a malformed JSON body answers 400 with a readable message, not a stack trace', async () => {
    const res = await request(testApp.app).post('/api/anything').set('Content-Type', 'application/json').send('{"broken":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SyntaxError/);
  });

  it('when the database connection is gone, reports 503 and the database as down', async () => {
    const other = await buildTestApp();
    await other.database.close();
    const res = await request(other.app).get('/health').expect(503);
    expect(res.body).toMatchObject({ status: 'unavailable', database: { state: 'down' } });
  });
});

describe('liveness and readiness, for orchestrators', () => {
  afterEach(killPlayrouteProcesses);

  it('a started app is alive and ready; a starting or draining one is alive but not ready, and says why', async () => {
    let serving: ServingState = 'starting';
    const testApp = await buildTestApp({}, { servingState: () => serving });
    try {
      await request(testApp.app).get('/health/live').expect(200, { status: 'alive' });
      const starting = await request(testApp.app).get('/health/ready').expect(503);
      expect(starting.body).toEqual({ status: 'unavailable', reason: 'starting' });
      serving = 'ready';
      await request(testApp.app).get('/health/ready').expect(200, { status: 'ready' });
      serving = 'draining';
      const draining = await request(testApp.app).get('/health/ready').expect(503);
      expect(draining.body).toEqual({ status: 'unavailable', reason: 'draining' });
      await request(testApp.app).get('/health/live').expect(200);
      expect(draining.headers['cache-control']).toBe('no-store');
    } finally {
      await testApp.close();
    }
  });

  it('probes an orchestrator sends every few seconds are logged at debug level, a failing one as a warning, not as errors', async () => {
    let serving: ServingState = 'ready';
    const testApp = await buildTestApp({}, { servingState: () => serving });
    try {
      await request(testApp.app).get('/health/live').expect(200);
      await request(testApp.app).get('/health/ready').expect(200);
      serving = 'draining';
      await request(testApp.app).get('/health/ready').expect(503);
      const levels = testApp.logLines
        .map((line) => JSON.parse(line) as { level: number; msg?: string; path?: string; status?: number })
        .filter((entry) => entry.msg === 'request')
        .map((entry) => [entry.path, entry.status, entry.level]);
      // pino's levels: 20 debug, 40 warn.
      expect(levels).toEqual([
        ['/health/live', 200, 20],
        ['/health/ready', 200, 20],
        ['/health/ready', 503, 40],
      ]);
    } finally {
      await testApp.close();
    }
  });

  it('when its database stops answering, the app stays alive but is not ready; when the store is back, ready again', async () => {
    const socketDir = mkdtempSync(join(tmpdir(), 'playroute-health-store-'));
    let store = await startEmbeddedMongo({ socketDir });
    const logger = createLogger({ level: 'silent' });
    const config = loadConfig({ NODE_ENV: 'test' });
    const database = await openDatabase({ mongodbUri: store.uri, dataDir: config.dataDir, logger, dbName: 'health' });
    const lti = createLti({ config, connection: database.connection, logger });
    await lti.start();
    const app = createApp({ config, logger, database, lti });
    try {
      await request(app).get('/health/ready').expect(200);
      await store.close();
      const down = await request(app).get('/health/ready').expect(503);
      expect(down.body).toEqual({ status: 'unavailable', reason: 'database_unreachable' });
      await request(app).get('/health/live').expect(200);
      // The same socket again: the driver reconnects by itself, and readiness follows without a restart.
      store = await startEmbeddedMongo({ socketDir });
      await expect.poll(async () => (await request(app).get('/health/ready')).status).toBe(200);
    } finally {
      await database.close();
      await store.close();
      rmSync(socketDir, { recursive: true, force: true });
    }
  });

  it('while a fresh process starts, it is alive from the moment its port opens, and ready only once started', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'playroute-starting-ready-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    try {
      // A fresh store: the tool and demo keys are made after the port opens, which keeps the process starting a while.
      const started = startPlayroute({ DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: `http://localhost:${port}` });
      started.catch(() => undefined);
      const live: number[] = [];
      const ready: string[] = [];
      const deadline = Date.now() + 30_000;
      while (ready.at(-1) !== 'ready' && Date.now() < deadline) {
        try {
          const [l, r] = await Promise.all([fetch(`${base}/health/live`), fetch(`${base}/health/ready`)]);
          live.push(l.status);
          const body = (await r.json()) as { status: string; reason?: string };
          ready.push(r.status === 200 ? body.status : `${r.status} ${body.reason ?? ''}`);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 5)); // the port is not open yet
        }
      }
      await started;
      expect(live.every((status) => status === 200)).toBe(true);
      // Some "503 starting" answers (as many as the start takes), then ready: never anything else, never back.
      const firstReady = ready.indexOf('ready');
      expect(firstReady).toBeGreaterThanOrEqual(0);
      expect(ready.slice(0, firstReady).every((answer) => answer === '503 starting')).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('on SIGTERM the process turns unready at once, keeps a request that is still arriving, answers it, and exits 0', async () => {
    const started = await startPlayroute({ MONGODB_URI: testMongoUriWithDatabase('draining'), SHUTDOWN_DRAIN_SECONDS: '1' });
    expect((await fetch(`${started.url}/health/ready`)).status).toBe(200);
    // A launch whose body is still on its way when the signal comes.
    const url = new URL(`${started.url}/lti/launch`);
    const body = 'id_token=not-a-token&state=unknown-state';
    const slow = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } });
    const answered = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      slow.on('error', reject);
    });
    slow.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));

    started.child.kill('SIGTERM');    await expect.poll(async () => (await fetch(`${started.url}/health/ready`)).json()).toEqual({ status: 'unavailable', reason: 'draining' });
    expect((await fetch(`${started.url}/health/live`)).status).toBe(200);
    // After the drain the port closes to newcomers, while the launch still arriving is waited for.
    await expect.poll(async () => fetch(`${started.url}/health/live`).then(() => 'open', () => 'closed')).toBe('closed');
    slow.end(body.slice(10));
    expect(await answered).toBe(401);
    expect(await started.exited).toBe(0);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function testMongoUriWithDatabase(name: string): string {
  // The run's store address ends in `/?options` (or `/`): the database name goes between.
  return testMongoUri().replace(/\/(\?|$)/, `/${uniqueDatabaseName(name)}$1`);
}
