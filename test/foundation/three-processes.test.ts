// Three Playroute processes on one database behind a round-robin proxy, as a school runs them behind its load balancer:
// whatever one process starts, another may finish, so nothing a request needs may live only in one process's memory.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import express from 'express';
import { decodeProtectedHeader } from 'jose';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { createDemoLms, type DemoLms } from '../../server/demo-lms/index';
import { connectToolAndLms } from '../../server/demo-platform';
import { createGrades } from '../../server/features/grades/index';
import { deliveryModel } from '../../server/features/grades/data/delivery-model';
import { createLogger } from '../../server/logger';
import { createLti, type Lti } from '../../server/lti/index';
import type { Platform } from '../../server/lti/store/platforms';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../server/store/embedded/index';
import { Browser } from '../support/lti-harness';
import { killPlayrouteProcesses, startPlayroute, type StartedPlayroute } from '../support/playroute-process';

const ENCRYPTION_KEY = 'three-processes-share-this-encryption-key-0123456789';
const LOGIN_LIMIT = 6;
const DEPLOYMENT = 'deployment-1';
const STUDENTS = ['u-student-daan', 'u-student-fleur', 'u-student-priya', 'u-student-oliver', 'u-student-noor'];
const OUTCOMES = ['lu-1', 'lu-2', 'lu-3', 'lu-4'];

interface Forwarded {
  backend: number;
  method: string;
  path: string;
  status: number;
}

interface Backend {
  port: number;
  metricsPort: number;
  playroute: StartedPlayroute;
}

/** The load balancer: each request to the next process in turn, logged with which one answered. */
function roundRobinProxy(backends: Backend[], log: Forwarded[]): http.Server {
  let turn = 0;
  return http.createServer((req, res) => {
    const backend = turn++ % backends.length;
    const upstream = http.request(
      { host: '127.0.0.1', port: backends[backend]?.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        log.push({ backend, method: req.method ?? '', path: new URL(req.url ?? '/', 'http://proxy').pathname, status: answer.statusCode ?? 0 });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('three Playroute processes on one database, behind a round-robin proxy', () => {
  let dataDir: string;
  let store: EmbeddedMongo;
  let connection: Connection;
  let lti: Lti;
  let lms: DemoLms;
  let otherLms: DemoLms;
  let canvasLms: DemoLms;
  let platform: Platform;
  let proxyBase: string;
  const servers: http.Server[] = [];
  const backends: Backend[] = [];
  const forwarded: Forwarded[] = [];
  /** The kid of every client assertion the LMS's token endpoint received. */
  const assertionKids: string[] = [];
  /** The key `npm run keys:rotate` made. */
  let newKid: string | undefined;
  const startedAt = Date.now();

  const api = (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${proxyBase}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  const since = (mark: number) => forwarded.slice(mark);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'playroute-three-'));
    store = await startEmbeddedMongo({ dataDir });

    const lmsApp = express();
    lmsApp.use('/lms/token', express.urlencoded({ extended: false }), (req, _res, next) => {
      const assertion = (req.body as { client_assertion?: string } | undefined)?.client_assertion;
      if (assertion) assertionKids.push(String(decodeProtectedHeader(assertion).kid));
      next();
    });
    const lmsServer = http.createServer(lmsApp);
    servers.push(lmsServer);
    const lmsBase = `http://127.0.0.1:${await listen(lmsServer)}`;
    lms = createDemoLms({ issuer: `${lmsBase}/lms`, quirks: 'standard', demoPage: false });
    otherLms = createDemoLms({ issuer: `${lmsBase}/other-lms`, quirks: 'standard', demoPage: false });
    lmsApp.use('/lms', lms.router);
    canvasLms = createDemoLms({ issuer: `${lmsBase}/canvas`, quirks: 'canvas', demoPage: false });
    lmsApp.use('/other-lms', otherLms.router);
    lmsApp.use('/canvas', canvasLms.router);

    const proxy = roundRobinProxy(backends, forwarded);
    servers.push(proxy);
    proxyBase = `http://127.0.0.1:${await listen(proxy)}`;

    const ports = await Promise.all(Array.from({ length: 6 }, freePort));
    const started = await Promise.all(
      [0, 1, 2].map((i) =>
        startPlayroute({
          MONGODB_URI: store.uri,
          LTI_ENCRYPTION_KEY: ENCRYPTION_KEY,
          PUBLIC_URL: proxyBase,
          PORT: String(ports[i]),
          METRICS_PORT: String(ports[i + 3]),
          DEMO_LMS: 'false',
          LTI_LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
        }),
      ),
    );
    started.forEach((playroute, i) => backends.push({ port: ports[i] ?? 0, metricsPort: ports[i + 3] ?? 0, playroute }));

    // The administrator registers each LMS once, from a fourth process on the same database (as `npm run platform:add` does).
    const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: proxyBase, LTI_ENCRYPTION_KEY: ENCRYPTION_KEY, DEMO_LMS: 'false' });
    connection = mongoose.createConnection(store.uri, { dbName: 'playroute' });
    await connection.asPromise();
    lti = createLti({ config, connection, logger: createLogger({ level: 'silent' }) });
    platform = await connectToolAndLms({ lms, lti, name: 'School LMS', deploymentIds: [DEPLOYMENT], registeredVia: 'manual' });
    await connectToolAndLms({ lms: otherLms, lti, name: 'Other LMS', deploymentIds: [DEPLOYMENT], registeredVia: 'manual' });
    await connectToolAndLms({ lms: canvasLms, lti, name: 'Canvas', deploymentIds: [DEPLOYMENT], registeredVia: 'manual' });
    process.stdout.write(`three processes started and registered in ${Date.now() - startedAt} ms\n`);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(backends.map(({ playroute }) => (playroute.child.kill('SIGTERM'), playroute.exited)));
    killPlayrouteProcesses();
    await connection?.close();
    for (const server of servers) server.close();
    await store?.close();
    rmSync(dataDir, { recursive: true, force: true });
    process.stdout.write(`three-process story took ${Date.now() - startedAt} ms\n`);
  });

  it('started together on an empty database, the processes agree on one signing key', async () => {
    const kids = await Promise.all(
      backends.map(async (backend) => ((await (await fetch(`http://127.0.0.1:${backend.port}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid)),
    );
    const active = await connection.collection('lti_tool_keys').find({ retiredAt: { $exists: false } }).toArray();
    expect(active).toHaveLength(1);
    // Keys another process made in the same moment stay published (retired) for the grace period; one signs.
    for (const published of kids) expect(published).toContain(active[0]?.kid);
  });

  it('the OIDC login lands on one process and the launch on another, and the launch is accepted', async () => {
    const mark = forwarded.length;
    const outcome = await new Browser(lms).launch({ user: lms.member('student').userId });
    expect(outcome.sessionToken).toBeDefined();
    const login = since(mark).find((entry) => entry.path === '/lti/login');
    const launch = since(mark).find((entry) => entry.path === '/lti/launch');
    expect(login).toBeDefined();
    expect(launch).toMatchObject({ status: 303 });
    expect(launch?.backend).not.toBe(login?.backend);
  });

  it('without cookies, the launch held on one process for Platform Storage is confirmed on another', async () => {
    const mark = forwarded.length;
    // Canvas offers Platform Storage (lti_storage_target), which a browser without third-party cookies needs.
    const outcome = await new Browser(canvasLms, { blockCookies: true }).launch({ user: canvasLms.member('student').userId });
    expect(outcome.sessionToken).toBeDefined();
    const held = since(mark).find((entry) => entry.path === '/lti/launch');
    const confirmed = since(mark).find((entry) => entry.path === '/lti/launch/confirm');
    expect(held).toMatchObject({ status: 200 });
    expect(confirmed).toMatchObject({ status: 303 });
    expect(confirmed?.backend).not.toBe(held?.backend);
  });

  it('API calls with one session token are answered by all three, and a token renewed on one works on the others', async () => {
    const outcome = await new Browser(lms).launch({ user: lms.member('teacher').userId });
    const token = outcome.sessionToken ?? '';
    let mark = forwarded.length;
    for (let i = 0; i < 6; i += 1) expect((await api(token, '/api/session')).status).toBe(200);
    expect(new Set(since(mark).filter((e) => e.status === 200).map((e) => e.backend))).toEqual(new Set([0, 1, 2]));

    const renewed = await api(token, '/api/session/renew', { method: 'POST' });
    expect(renewed.status).toBe(200);
    const { token: fresh } = (await renewed.json()) as { token: string };
    mark = forwarded.length;
    for (let i = 0; i < 3; i += 1) {
      const res = await api(fresh, '/api/session');
      expect(res.status).toBe(200);
      expect(((await res.json()) as { roles: string[] }).roles).toContain('teacher');
    }
    expect(new Set(since(mark).map((e) => e.backend))).toEqual(new Set([0, 1, 2]));
  });

  it('the login rate limit counts logins at all three processes together', async () => {
    // Below twenty logins a minute every login is counted in the store as it comes (a block of one), so the limit is
    // exact here; larger limits count in blocks, within the bound test/lti/login-rate-limit.test.ts checks.
    // The limit counts per minute window: start the burst well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 57_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
    const mark = forwarded.length;
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 3; i += 1) {
      const login = await new Browser(otherLms).login(otherLms.startLaunch({ user: otherLms.member('student').userId }).url);
      statuses.push('status' in login ? login.status : 302);
    }
    expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(302), 429, 429, 429]);
    expect(new Set(since(mark).map((e) => e.backend))).toEqual(new Set([0, 1, 2]));
  });

  it('a key rotated by `npm run keys:rotate` on the shared database is published by every process at once', async () => {
    const jwksOf = async (backend: Backend) =>
      ((await (await fetch(`http://127.0.0.1:${backend.port}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    // Each process has read its key set (and may keep it) before the rotation.
    for (const backend of backends) expect((await jwksOf(backend)).length).toBeGreaterThan(0);

    const rotation = spawn(process.execPath, ['--import', 'tsx', 'server/cli/keys-rotate.ts'], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', MONGODB_URI: store.uri, LTI_ENCRYPTION_KEY: ENCRYPTION_KEY, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    rotation.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    rotation.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    expect(await new Promise((resolve) => rotation.once('exit', resolve))).toBe(0);
    newKid = /new kid: (\S+)/.exec(said)?.[1];
    expect(newKid, said).toBeDefined();

    for (const backend of backends) expect(await jwksOf(backend)).toContain(newKid);
  });

  it('with a worker in every process, each grade reaches the LMS exactly once, on line items created once, signed with the new key', async () => {
    const grades = createGrades({ connection, lti });
    const lineItemsUrl = lms.urls.lineItems(lms.course.id);
    for (const outcome of OUTCOMES) {
      for (const [i, userId] of STUDENTS.entries()) {
        await grades.outbox.enqueue({
          platformId: platform.id,
          deploymentId: DEPLOYMENT,
          contextId: lms.course.id,
          userId,
          lineItem: { lineItemsUrl, resourceId: outcome, tag: 'outcome', label: `Outcome ${outcome}`, scoreMaximum: 10 },
          score: { scoreGiven: 5 + i, scoreMaximum: 10, activityProgress: 'Completed', gradingProgress: 'FullyGraded' },
        });
      }
    }
    const Deliveries = deliveryModel(connection);
    await expect.poll(() => Deliveries.countDocuments({ state: { $in: ['waiting', 'sending'] } }), { timeout: 30_000 }).toBe(0);
    expect(await Deliveries.countDocuments({ state: 'sent' })).toBe(OUTCOMES.length * STUDENTS.length);

    const perCell = new Map<string, number>();
    for (const score of lms.scores()) perCell.set(`${score.lineItemId} ${score.userId ?? ''}`, (perCell.get(`${score.lineItemId} ${score.userId ?? ''}`) ?? 0) + 1);
    expect(perCell.size).toBe(OUTCOMES.length * STUDENTS.length);
    expect([...perCell.values()].every((count) => count === 1)).toBe(true);
    expect(lms.lineItems()).toHaveLength(OUTCOMES.length);

    // Every token request the processes made after the rotation was signed with the new key, and none was refused.
    expect(assertionKids.length).toBeGreaterThan(0);
    expect(new Set(assertionKids)).toEqual(new Set([newKid]));
    expect(lms.requestLog().filter((entry) => entry.path.endsWith('/token') && entry.status !== 200)).toEqual([]);

    // Each process's own metrics say what it delivered (counted just after the outbox says sent); together, every grade once.
    const sentPerProcess = () =>
      Promise.all(
        backends.map(async (backend) => {
          const body = await (await fetch(`http://127.0.0.1:${backend.metricsPort}/metrics`)).text();
          return Number(/^playroute_grade_deliveries_total\{result="sent"\} (\d+)$/m.exec(body)?.[1] ?? 0);
        }),
      );
    await expect.poll(async () => (await sentPerProcess()).reduce((a, b) => a + b, 0)).toBe(OUTCOMES.length * STUDENTS.length);
    process.stdout.write(`grades sent per process: ${(await sentPerProcess()).join(', ')}\n`);
  });

  it('a deep-linking request opened on one process is answered through another, and the placed link then opens', async () => {
    const launched = await new Browser(lms).launch({ user: lms.member('teacher').userId, messageType: 'LtiDeepLinkingRequest' });
    const token = launched.sessionToken ?? '';
    const mark = forwarded.length;
    expect((await api(token, '/api/deep-linking/options')).status).toBe(200);
    const answer = await api(token, '/api/deep-linking/response', { method: 'POST', body: JSON.stringify({ choice: { kind: 'new', title: 'Across processes' } }) });
    expect(answer.status).toBe(200);
    expect(since(mark).map((e) => e.backend)[0]).not.toBe(since(mark).map((e) => e.backend)[1]);
    const reply = (await answer.json()) as { returnUrl: string; jwt: string };
    expect((await fetch(reply.returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: reply.jwt }) })).status).toBe(200);
    const placed = lms.deepLinkResults().at(-1)?.createdPlacements[0] ?? '';
    expect(placed).not.toBe('');

    const opened = await new Browser(lms).launch({ user: lms.member('student').userId, placement: placed });
    const res = await api(opened.sessionToken ?? '', '/api/placement');
    expect(await res.json()).toMatchObject({ playbook: { title: 'Across processes' } });
  });
});
