// What a launch asks of the store, counted with the MongoDB driver's command monitoring (test/bench/store-commands.ts):
// a person's first launch waits for at most two journaled writes, the state and nonce spent (the replay guard) and the
// membership; everything else it records is applied before the answer and journaled moments later.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { connectToolAndLms } from '../../server/demo-platform';
import { createDemoLms, type DemoLms } from '../../server/demo-lms/index';
import { createLti, type Lti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import type { Platform } from '../../server/lti/store/platforms';
import { openDatabase, type Database } from '../../server/store/database';
import { ScriptedBrowser } from '../bench/launch-client';
import { StoreCommandCounter } from '../bench/store-commands';
import { testMongoUri, uniqueDatabaseName } from '../support/database';

const DEPLOYMENT_ID = 'deployment-1';
const servers: Server[] = [];
let lms: DemoLms;
let lti: Lti;
let database: Database;
let platform: Platform;
let counter: StoreCommandCounter;
let toolBase: string;

async function listen(handler?: express.Express): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const lmsApp = express();
  lms = createDemoLms({ issuer: `${await listen(lmsApp)}/lms`, quirks: 'standard', demoPage: false });
  lmsApp.use('/lms', lms.router);
  const toolServer = createServer();
  servers.push(toolServer);
  await new Promise<void>((resolve) => toolServer.listen(0, '127.0.0.1', resolve));
  toolBase = `http://127.0.0.1:${(toolServer.address() as AddressInfo).port}`;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', PUBLIC_URL: toolBase, DEMO_LMS: 'false' });
  const logger = createLogger({ level: 'silent' });
  // Playroute's own connection, with the driver reporting every command it sends.
  const monitored = new URL(testMongoUri());
  monitored.searchParams.set('monitorCommands', 'true');
  database = await openDatabase({ mongodbUri: monitored.toString(), dataDir: config.dataDir, logger, dbName: uniqueDatabaseName('launch_writes') });
  lti = createLti({ config, connection: database.connection, logger });
  await lti.start();
  toolServer.on('request', createApp({ config, logger, database, lti }));
  platform = await connectToolAndLms({ lms, lti, name: 'Counting LMS', deploymentIds: [DEPLOYMENT_ID], registeredVia: 'manual' });
  counter = new StoreCommandCounter([database.connection.getClient()]);
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await database.connection.dropDatabase();
  await database.close();
});

/** One launch as a browser makes it; returns what the launch step (the id_token POST) sent to the store. */
async function launchCounted(user: string) {
  const browser = new ScriptedBrowser();
  const form = await browser.loginAndAuthorise(lms.startLaunch({ user, clientId: platform.clientId }).url);
  counter.phases.clear();
  counter.phase = 'launch';
  const landed = await browser.postForm(form.action, form.fields);
  counter.phase = undefined;
  const body = await landed.text();
  const tally = counter.phases.get('launch');
  return { status: landed.status, location: landed.headers.get('location') ?? '', body, syncedWrites: tally?.syncedWrites ?? 0, commands: [...(tally?.byCommand.keys() ?? [])] };
}

/** A whole launch (login and launch POST) with every store command it sends counted: its status and that tally. */
async function wholeLaunchCounted(user: string) {
  counter.phases.clear();
  counter.phase = 'whole';
  const browser = new ScriptedBrowser();
  const form = await browser.loginAndAuthorise(lms.startLaunch({ user, clientId: platform.clientId }).url);
  const landed = await browser.postForm(form.action, form.fields);
  counter.phase = undefined;
  await landed.body?.cancel();
  return { status: landed.status, tally: counter.phases.get('whole') };
}

describe('the store writes a launch waits for', () => {
  it('the first launch in a new course waits for two journaled writes, and the person, course and link are there when it answers', async () => {
    const student = lms.member('student').userId;
    const launch = await launchCounted(student);
    expect(launch.status).toBe(303);
    expect(launch.location).toContain('#session=');
    expect(launch.commands).toEqual(expect.arrayContaining(['findAndModify lti_login_states', 'update lti_people', 'update lti_memberships', 'update lti_contexts', 'update lti_placements']));
    expect(launch.syncedWrites).toBeLessThanOrEqual(2);
    // Written without waiting for the journal, but applied before the answer: what the landed page reads is there.
    expect(await lti.records.getPerson(platform.id, student)).toMatchObject({ sub: student });
    expect(await lti.records.getContext({ platformId: platform.id, deploymentId: DEPLOYMENT_ID, contextId: lms.course.id })).toBeDefined();
    expect((await lti.records.getMembership({ platformId: platform.id, deploymentId: DEPLOYMENT_ID, contextId: lms.course.id, sub: student }))?.status).toBe('active');
  });

  it('a person’s first launch in a course the tool knows (login and launch) sends at most four store commands', async () => {
    const member = lms.members().find((m) => m.userId !== lms.member('student').userId);
    if (!member) throw new Error('the course needs a second member');
    const { status, tally } = await wholeLaunchCounted(member.userId);
    expect(status).toBe(303);
    // The login state stored and spent, the person and the membership: a lone login's rate-limit count stays in the process.
    expect(Object.fromEntries(tally?.byCommand ?? [])).toEqual({ 'insert lti_login_states': 1, 'findAndModify lti_login_states': 1, 'update lti_people': 1, 'update lti_memberships': 1 });
    expect(tally?.syncedWrites).toBeLessThanOrEqual(2);
    expect(await lti.records.getPerson(platform.id, member.userId)).toMatchObject({ sub: member.userId });
  });

  it('the first launch of each other member of the course waits for two journaled writes', async () => {
    const others = lms.members().filter((member) => member.userId !== lms.member('student').userId).slice(0, 3);
    expect(others.length).toBeGreaterThan(0);
    for (const member of others) {
      const launch = await launchCounted(member.userId);
      expect(launch.status).toBe(303);
      expect(launch.syncedWrites).toBeLessThanOrEqual(2);
      expect(await lti.records.getPerson(platform.id, member.userId)).toMatchObject({ sub: member.userId });
    }
  });

  it('a replayed launch form is refused, and what it sent changed nothing', async () => {
    const browser = new ScriptedBrowser();
    const form = await browser.loginAndAuthorise(lms.startLaunch({ user: lms.member('student').userId, clientId: platform.clientId }).url);
    const first = await browser.postForm(form.action, form.fields);
    await first.body?.cancel();
    expect(first.status).toBe(303);
    counter.phases.clear();
    counter.phase = 'replay';
    const again = await browser.postForm(form.action, form.fields);
    counter.phase = undefined;
    expect(again.status).toBe(401);
    expect(counter.phases.get('replay')?.syncedWrites ?? 0).toBe(0);
  });
});

describe('the store commands around the launch', () => {
  it('the first call of the landed page (GET /api/session) shows the course without asking the store', async () => {
    const launch = await launchCounted(lms.member('student').userId);
    const token = decodeURIComponent(/#session=([^&]+)/.exec(launch.location)?.[1] ?? '');
    counter.phases.clear();
    counter.phase = 'landed';
    const res = await fetch(`${toolBase}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { context: { id: string; title: string | null } | null };
    counter.phase = undefined;
    expect(res.status).toBe(200);
    expect(body.context).toMatchObject({ id: lms.course.id, title: lms.course.title });
    expect(counter.phases.get('landed')?.commands ?? 0).toBe(0);
  });

  it('a returning person’s whole launch (login and launch) sends at most three store commands and waits for at most one journaled write', async () => {
    const member = lms.members().find((m) => m.userId !== lms.member('student').userId) ?? lms.member('student');
    // Their first launch in this course stores them; the one after it is what a returning person costs.
    expect((await launchCounted(member.userId)).status).toBe(303);
    const { status, tally } = await wholeLaunchCounted(member.userId);
    expect(status).toBe(303);
    expect(Object.fromEntries(tally?.byCommand ?? [])).not.toHaveProperty(['update lti_people']);
    expect(tally?.commands).toBeLessThanOrEqual(3);
    expect(tally?.syncedWrites).toBeLessThanOrEqual(1);
    // Still the same person, in the same course, after it.
    expect(await lti.records.getPerson(platform.id, member.userId)).toMatchObject({ sub: member.userId });
    expect((await lti.records.getMembership({ platformId: platform.id, deploymentId: DEPLOYMENT_ID, contextId: lms.course.id, sub: member.userId }))?.status).toBe('active');
  });

  it('logins wait for no journaled write, and far below the waiting-login cap they count the waiting logins once, not once per login', async () => {
    counter.phases.clear();
    counter.phase = 'logins';
    for (const member of lms.members().slice(0, 4)) {
      const login = await fetch(lms.startLaunch({ user: member.userId, clientId: platform.clientId }).url, { redirect: 'manual' });
      await login.body?.cancel();
      expect(login.status).toBe(302);
    }
    counter.phase = undefined;
    const logins = counter.phases.get('logins');
    expect(logins?.byCommand.get('insert lti_login_states')).toBe(4);
    // A lost login state fails only its own launch, a lost rate-limit hit lets one login more through: neither waits for the disk.
    expect(logins?.syncedWrites).toBe(0);
    // One count, or two should the machine be slow enough for the estimate to run out (login-guard.ts: ESTIMATE_MS).
    expect(logins?.byCommand.get('aggregate lti_login_states') ?? 0).toBeLessThanOrEqual(2);
  });
});

describe('the redirects of a launch', () => {
  it('the login (302 to the LMS) and the launch (303 to the client) name their address in Location only, with no body repeating the state, nonce or session token', async () => {
    const login = await fetch(lms.startLaunch({ user: lms.member('student').userId, clientId: platform.clientId }).url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(new URL(login.headers.get('location') ?? '').searchParams.get('state')).toBeTruthy();
    expect(await login.text()).toBe('');
    const launch = await launchCounted(lms.member('student').userId);
    expect(launch.status).toBe(303);
    expect(launch.location).toMatch(/#session=[^&]+/);
    expect(launch.body).toBe('');
  });
});
