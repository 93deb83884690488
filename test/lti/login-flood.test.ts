// An unauthenticated flood of login initiations: limited per client address and platform, across processes, and capped per platform.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { openDatabase, type Database } from '../../server/store/database';
import { testMongoUri } from '../support/database';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

async function count(h: LtiHarness, collection: string): Promise<number> {
  const db = h.database.connection.db;
  if (!db) throw new Error('no database');
  return db.collection(collection).countDocuments();
}

/** A login initiation as the LMS sends it, to the given Playroute (by default the harness's own). */
async function initiateLogin(h: LtiHarness, options: { base?: string; iss?: string; clientId?: string } = {}): Promise<Response> {
  const params = new URL(h.lms.startLaunch({ user: h.lms.member('student').userId }).url).searchParams;
  if (options.iss) params.set('iss', options.iss);
  if (options.clientId) params.set('client_id', options.clientId);
  if (options.iss) params.delete('lti_deployment_id');
  return fetch(`${options.base ?? h.toolBase}/lti/login?${params.toString()}`, { redirect: 'manual' });
}

/**
 * The limit counts in fixed one-minute windows. The first and third stories below count on the same window, so they
 * start well inside one: on a loaded machine they take seconds, and a window that closed between them would reset the count.
 */
async function wellInsideAMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 30_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 500));
}

describe('logins per client address and platform', () => {
  let h: LtiHarness;
  let second: { server: Server; base: string; database: Database } | undefined;
  beforeAll(async () => {
    h = await startLtiHarness({ env: { LTI_LOGIN_RATE_LIMIT: '5' } });
    await wellInsideAMinute();
  }, 60_000);
  afterAll(async () => {
    if (second) {
      await new Promise((resolve) => second?.server.close(resolve));
      await second.database.close();
    }
    await h.close();
  });

  it('beyond the limit a client gets 429 with Retry-After and a page, and no login state is stored', async () => {
    for (let i = 0; i < 5; i += 1) expect((await initiateLogin(h)).status).toBe(302);
    const states = await count(h, 'lti_login_states');
    const refused = await initiateLogin(h);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await refused.text();
    expect(page).toContain('Code: too_many_logins');
    expect(page).toContain('Wait a minute');
    expect(await count(h, 'lti_login_states')).toBe(states);
  });

  it('the same client still logs in to another platform: the limit is per platform', async () => {
    const other = await h.lti.registry.register({
      issuer: 'https://other-lms.example.edu',
      clientId: 'other-client',
      name: 'Other LMS',
      authLoginUrl: 'https://other-lms.example.edu/auth',
      tokenUrl: 'https://other-lms.example.edu/token',
      jwksUrl: 'https://other-lms.example.edu/jwks',
      deploymentIds: ['d1'],
      registeredVia: 'manual',
    });
    const res = await initiateLogin(h, { iss: other.issuer, clientId: other.clientId });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^https:\/\/other-lms\.example\.edu\/auth\?/);
  });

  it('the count lives in MongoDB: a second Playroute process on the same database refuses the same client too', async () => {
    const logger = createLogger({ level: 'silent' });
    const database = await openDatabase({ mongodbUri: testMongoUri(), dataDir: h.config.dataDir, logger, dbName: h.database.connection.name });
    const lti = createLti({ config: h.config, connection: database.connection, logger });
    const app = express();
    app.use(lti.router);
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    second = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, database };
    const res = await initiateLogin(h, { base: second.base });
    expect(res.status).toBe(429);
  });
});

describe('logins waiting for their launch, per platform', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness({ env: { LTI_MAX_WAITING_LOGINS: '3' } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('beyond the cap new logins get 503 until a waiting one completes its launch', async () => {
    for (let i = 0; i < 3; i += 1) expect((await initiateLogin(h)).status).toBe(302);
    const refused = await initiateLogin(h);
    expect(refused.status).toBe(503);
    const page = await refused.text();
    expect(page).toContain('Code: too_many_waiting_logins');
    expect(page).toContain('Try again in a few minutes');
    expect(await count(h, 'lti_login_states')).toBe(3);

    // One of the waiting logins is answered by the LMS: its state is used up, so there is room again.
    const db = h.database.connection.db;
    const waiting = await db?.collection<{ _id: string; nonce: string }>('lti_login_states').findOne({});
    if (!waiting) throw new Error('no waiting login');
    const browser = h.browser();
    const launch = await browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(h.validClaims({ nonce: waiting.nonce })), state: waiting._id });
    expect(launch.status).toBe(401); // this scripted browser never had the state cookie; the state is used up all the same
    expect((await initiateLogin(h)).status).toBe(302);
  });
});
