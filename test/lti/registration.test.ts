// Dynamic Registration, tool side: the simulated LMS sends an administrator to Playroute's registration URL, Playroute registers itself there and remembers the LMS.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { createDemoLms, type DemoLms, type LmsQuirks } from '../../server/demo-lms/index';
import { BRIGHTSPACE_TOKEN_AUDIENCE } from '../../server/demo-lms/quirks';
import { ALL_SCOPES, MessageType, RegistrationKey } from '../../server/lti/claims';
import { createLti, type Lti } from '../../server/lti/index';
import { createLogger } from '../../server/logger';
import { openDatabase, type Database } from '../../server/store/database';
import { testMongoUri, uniqueDatabaseName } from '../support/database';
import { Browser } from '../support/lti-harness';

interface RegistrationHarness {
  toolBase: string;
  lmsBase: string;
  lti: Lti;
  lms: DemoLms;
  /** Bodies the LMS's registration endpoint received. */
  received: Record<string, unknown>[];
  /** Routes a test adds beside the LMS, on the LMS's server (a forged configuration, a refusing endpoint). */
  lmsApp: express.Express;
  register(url: string): Promise<{ status: number; html: string }>;
  close(): Promise<void>;
}

async function listen(app: express.Express): Promise<{ server: Server; base: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// Like test/support/lti-harness.ts, but Playroute starts knowing no platform: registration is what is under test.
async function startRegistrationHarness(options: { quirks?: LmsQuirks; env?: Record<string, string> } = {}): Promise<RegistrationHarness> {
  const toolApp = express();
  const tool = await listen(toolApp);
  const lmsApp = express();
  const lmsServer = await listen(lmsApp);
  const lms = createDemoLms({ issuer: `${lmsServer.base}/lms`, quirks: options.quirks ?? 'standard', demoPage: false });
  const received: Record<string, unknown>[] = [];
  lmsApp.post('/lms/registration', express.json(), (req, _res, next) => {
    received.push(req.body as Record<string, unknown>);
    next();
  });
  lmsApp.use('/lms', lms.router);

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: tool.base, DEMO_LMS: 'false', ...options.env });
  const logger = createLogger({ level: config.logLevel });
  const database: Database = await openDatabase({ mongodbUri: testMongoUri(), dataDir: config.dataDir, logger, dbName: uniqueDatabaseName('registration') });
  const lti = createLti({ config, connection: database.connection, logger, jwksCooldownMs: 0 });
  await lti.start();
  toolApp.use(createApp({ config, logger, database, lti }));

  return {
    toolBase: tool.base,
    lmsBase: `${lmsServer.base}/lms`,
    lti,
    lms,
    received,
    lmsApp,
    register: async (url) => {
      const res = await fetch(url, { headers: { 'accept-language': 'en' } });
      return { status: res.status, html: await res.text() };
    },
    close: async () => {
      await new Promise((resolve) => tool.server.close(resolve));
      await new Promise((resolve) => lmsServer.server.close(resolve));
      await database.connection.dropDatabase();
      await database.close();
    },
  };
}

let h: RegistrationHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PRODUCT_FAMILY: Record<LmsQuirks, string> = { standard: 'playroute-demo-lms', canvas: 'canvas', moodle: 'moodle', brightspace: 'desire2learn' };

describe.each<LmsQuirks>(['standard', 'canvas', 'moodle', 'brightspace'])('dynamic registration from %s', (quirks) => {
  it('registers Playroute in the LMS and the LMS in Playroute, closes the window, and the new client can launch', async () => {
    h = await startRegistrationHarness({ quirks });
    const answer = await h.register(h.lms.startRegistration(h.lti.urls.registration).url);
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("postMessage({subject:'org.imsglobal.lti.close'},'*')");

    const [tool] = h.lms.tools();
    expect(tool).toMatchObject({
      registeredVia: 'dynamic',
      loginUrl: h.lti.urls.login,
      redirectUris: [h.lti.urls.launch],
      launchUrl: h.lti.urls.launch,
      jwksUrl: h.lti.urls.jwks,
      deepLinkUrl: h.lti.urls.launch,
      customParameters: { student_number: '$Person.sourcedId', context_id_history: '$Context.id.history' },
    });
    expect(tool?.scopes.sort()).toEqual([...ALL_SCOPES].sort());
    const request = h.received[0] ?? {};
    const toolConfig = request[RegistrationKey.toolConfiguration] as { claims: string[]; messages: { type: string; placements?: string[] }[] } & Record<string, unknown>;
    expect(toolConfig.claims).toEqual(['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale']);
    expect(toolConfig.messages.map((message) => message.type)).toContain(MessageType.deepLinkingRequest);
    if (quirks === 'canvas') {
      expect(toolConfig['https://canvas.instructure.com/lti/privacy_level']).toBe('public');
      expect(toolConfig.messages.flatMap((message) => message.placements ?? [])).toEqual(['link_selection', 'assignment_selection', 'course_navigation']);
    } else {
      expect(toolConfig).not.toHaveProperty(['https://canvas.instructure.com/lti/privacy_level']);
    }

    const platform = await h.lti.registry.find(h.lms.urls.issuer, tool?.clientId ?? '');
    expect(platform).toMatchObject({
      issuer: h.lmsBase,
      authLoginUrl: h.lms.urls.authorization,
      tokenUrl: h.lms.urls.token,
      jwksUrl: h.lms.urls.jwks,
      deploymentIds: tool?.deploymentIds,
      productFamily: PRODUCT_FAMILY[quirks],
      registeredVia: 'dynamic',
    });
    expect(platform?.tokenAudience).toBe(quirks === 'brightspace' ? BRIGHTSPACE_TOKEN_AUDIENCE : undefined);

    const outcome = await new Browser(h.lms).launch({ user: h.lms.member('student').userId, clientId: tool?.clientId });
    expect(outcome.sessionToken).toBeTruthy();
  });
});

describe('dynamic registration refused', () => {
  it('without openid_configuration the administrator reads why, and nothing is registered', async () => {
    h = await startRegistrationHarness();
    const answer = await h.register(h.lti.urls.registration);
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('Start the registration from the tool registration page of your LMS');
    expect(answer.html).not.toContain('org.imsglobal.lti.close');
    expect(await h.lti.registry.list()).toEqual([]);
  });

  it('in Dutch for a Dutch browser', async () => {
    h = await startRegistrationHarness();
    const res = await fetch(h.lti.urls.registration, { headers: { 'accept-language': 'nl-NL,nl;q=0.9' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('De registratie is niet gelukt');
  });

  it('a configuration served from outside its issuer is not trusted, and the LMS never hears from Playroute', async () => {
    h = await startRegistrationHarness();
    const lms = h.lms;
    // Another site on the same host claims to be the LMS.
    h.lmsApp.get('/elsewhere/.well-known/openid-configuration', (_req, res) => {
      res.json(lms.openidConfiguration());
    });
    const started = new URL(h.lms.startRegistration(h.lti.urls.registration).url);
    started.searchParams.set('openid_configuration', `${new URL(h.lmsBase).origin}/elsewhere/.well-known/openid-configuration`);
    const answer = await h.register(started.toString());
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('which is not under that address');
    expect(h.received).toEqual([]);
    expect(await h.lti.registry.list()).toEqual([]);
  });

  it('a configuration without a registration endpoint is refused with the missing field named', async () => {
    h = await startRegistrationHarness();
    const lms = h.lms;
    h.lmsApp.get('/lms/incomplete/.well-known/openid-configuration', (_req, res) => {
      const { registration_endpoint: _dropped, ...config } = lms.openidConfiguration();
      res.json(config);
    });
    const started = new URL(h.lms.startRegistration(h.lti.urls.registration).url);
    started.searchParams.set('openid_configuration', `${h.lmsBase}/incomplete/.well-known/openid-configuration`);
    const answer = await h.register(started.toString());
    expect(answer.status).toBe(502);
    expect(answer.html).toContain('registration_endpoint');
    expect(await h.lti.registry.list()).toEqual([]);
  });

  it('when the registration endpoint answers 400, the page shows the LMS’s reason and nothing is registered', async () => {
    h = await startRegistrationHarness();
    const lms = h.lms;
    const lmsBase = h.lmsBase;
    h.lmsApp.get('/lms/strict/.well-known/openid-configuration', (_req, res) => {
      res.json({ ...lms.openidConfiguration(), registration_endpoint: `${lmsBase}/strict/registration` });
    });
    h.lmsApp.post('/lms/strict/registration', (_req, res) => {
      res.status(400).json({ error: 'invalid_client_metadata', error_description: 'domain is already registered' });
    });
    const started = new URL(h.lms.startRegistration(h.lti.urls.registration).url);
    started.searchParams.set('openid_configuration', `${h.lmsBase}/strict/.well-known/openid-configuration`);
    const answer = await h.register(started.toString());
    expect(answer.status).toBe(502);
    expect(answer.html).toContain('the LMS refused the registration (invalid_client_metadata: domain is already registered)');
    expect(await h.lti.registry.list()).toEqual([]);
  });

  it('a registration token used once already is refused by the LMS, and the page says to start again', async () => {
    h = await startRegistrationHarness();
    const url = h.lms.startRegistration(h.lti.urls.registration).url;
    expect((await h.register(url)).status).toBe(200);
    const again = await h.register(url);
    expect(again.status).toBe(502);
    expect(again.html).toContain('the LMS refused the registration token');
    expect(h.lms.tools()).toHaveLength(1);
    expect(await h.lti.registry.list()).toHaveLength(1);
  });

  it('in production an LMS on plain http is refused before Playroute asks it anything', async () => {
    h = await startRegistrationHarness({ env: productionEnv({ LTI_REGISTRATION_KEY: 'registration-key-0123456789' }) });
    const url = new URL(h.lms.startRegistration(`${h.toolBase}/lti/register?key=registration-key-0123456789`).url);
    const answer = await h.register(`${h.toolBase}/lti/register${url.search}`);
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('must be reached over https');
    expect(h.received).toEqual([]);
    expect(await h.lti.registry.list()).toEqual([]);
  });

  it('in production without LTI_REGISTRATION_KEY, dynamic registration is switched off', async () => {
    h = await startRegistrationHarness({ env: productionEnv() });
    const answer = await h.register(h.lms.startRegistration(`${h.toolBase}/lti/register`).url);
    expect(answer.status).toBe(403);
    expect(answer.html).toContain('dynamic registration is switched off');
    expect(h.received).toEqual([]);
    expect(await h.lti.registry.list()).toEqual([]);
  });

  it('with a registration key set, only the address carrying that key registers', async () => {
    h = await startRegistrationHarness({ env: { LTI_REGISTRATION_KEY: 'registration-key-0123456789' } });
    for (const address of [`${h.toolBase}/lti/register`, `${h.toolBase}/lti/register?key=guessed-key-0000000000`]) {
      const refused = await h.register(h.lms.startRegistration(address).url);
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('this registration address is not valid');
    }
    expect(await h.lti.registry.list()).toEqual([]);
    const accepted = await h.register(h.lms.startRegistration(`${h.toolBase}/lti/register?key=registration-key-0123456789`).url);
    expect(accepted.status).toBe(200);
    expect(await h.lti.registry.list()).toHaveLength(1);
  });
});

function productionEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { NODE_ENV: 'production', PUBLIC_URL: 'https://playroute.example.edu', MONGODB_URI: testMongoUri(), LTI_ENCRYPTION_KEY: 'k'.repeat(40), ...extra };
}
