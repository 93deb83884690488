// Hostile and malformed requests at the LTI endpoints: each gets a clear 4xx page, writes nothing and logs no error.
import { gzipSync } from 'node:zlib';
import { decodeJwt, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Claim, MessageType, Role } from '../../server/lti/claims';
import { startLtiHarness, type LaunchOutcome, type LtiHarness } from '../support/lti-harness';

let h: LtiHarness;
beforeAll(async () => {
  h = await startLtiHarness();
});
afterAll(async () => {
  await h.close();
});

const FORM = 'application/x-www-form-urlencoded';
const KB = 1024;

function post(path: string, body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${h.toolBase}${path}`, { method: 'POST', headers: { 'content-type': FORM, ...headers }, body, redirect: 'manual' });
}

/** Log lines at pino's error level or above: what pages an operator at night. */
function errorLogLines(): string[] {
  return h.logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
}

async function count(collection: string): Promise<number> {
  const db = h.database.connection.db;
  if (!db) throw new Error('no database');
  return db.collection(collection).countDocuments();
}

/** The parameters of a genuine login initiation from the LMS, for a test to change. */
function loginParams(): URLSearchParams {
  return new URL(h.lms.startLaunch({ user: h.lms.member('student').userId }).url).searchParams;
}

/** A real login (possibly with changed parameters), then a token the test built, posted as the LMS's form_post would. */
async function launchWith(build: (claims: JWTPayload) => JWTPayload, changeLogin: (params: URLSearchParams) => void = () => {}): Promise<LaunchOutcome> {
  const browser = h.browser();
  const params = loginParams();
  changeLogin(params);
  const login = await browser.login(`${h.lti.urls.login}?${params.toString()}`);
  if (!('state' in login)) throw new Error(`login refused: ${login.status}`);
  const claims = build(h.validClaims({ nonce: login.nonce, [Claim.targetLinkUri]: params.get('target_link_uri') }));
  return browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
}

describe('request bodies the parser refuses become a 4xx page, not a logged 500', () => {
  const manyParameters = Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join('&');
  // A JSON body is refused by the application's JSON parser before any LTI route: a 4xx JSON answer, not a page.
  const bodies: { name: string; status: number; code: string; body: () => BodyInit; headers: Record<string, string>; json?: true }[] = [
    { name: 'a body over 64 KB', status: 413, code: 'request_too_large', body: () => `id_token=${'a'.repeat(80 * KB)}`, headers: {} },
    { name: 'too many parameters', status: 413, code: 'too_many_parameters', body: () => manyParameters, headers: {} },
    { name: 'an unknown charset', status: 415, code: 'unsupported_charset', body: () => 'state=x', headers: { 'content-type': `${FORM}; charset=klingon-8` } },
    { name: 'an unsupported content encoding', status: 415, code: 'unsupported_encoding', body: () => 'state=x', headers: { 'content-encoding': 'x-pack200' } },
    { name: 'a body that is not the gzip it claims', status: 400, code: 'unreadable_request', body: () => 'this is not gzip at all', headers: { 'content-encoding': 'gzip' } },
    { name: 'a JSON body that does not parse', status: 400, code: 'bad_request', body: () => '{"id_token": ', headers: { 'content-type': 'application/json' }, json: true },
    {
      name: 'a JSON body over the limit',
      status: 413,
      code: 'payload_too_large',
      body: () => JSON.stringify({ id_token: 'a'.repeat(2048 * KB) }),
      headers: { 'content-type': 'application/json' },
      json: true,
    },
    {
      name: 'a gzip body that inflates past 64 KB',
      status: 413,
      code: 'request_too_large',
      body: () => gzipSync(Buffer.from(`id_token=${'a'.repeat(2048 * KB)}`)),
      headers: { 'content-encoding': 'gzip' },
    },
  ];
  const endpoints = ['/lti/login', '/lti/launch', '/lti/launch/confirm'];
  const cases = endpoints.flatMap((path) => bodies.map((body) => ({ ...body, path })));

  it.each(cases)('$path with $name → $status $code', async ({ path, status, code, body, headers, json }) => {
    const errorsBefore = errorLogLines().length;
    const states = await count('lti_login_states');
    const res = await post(path, body(), headers);
    expect(res.status).toBe(status);
    if (json) {
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    } else {
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain(`Code: ${code}`);
    }
    expect(errorLogLines().length).toBe(errorsBefore);
    expect(await count('lti_login_states')).toBe(states);
  });
});

describe('login initiation parameters', () => {
  async function loginRefusal(change: (params: URLSearchParams) => void, via: 'GET' | 'POST' = 'GET'): Promise<{ status: number; html: string; location: string | null }> {
    const params = loginParams();
    change(params);
    const states = await count('lti_login_states');
    const res = via === 'GET' ? await fetch(`${h.lti.urls.login}?${params.toString()}`, { redirect: 'manual' }) : await post('/lti/login', params.toString());
    expect(await count('lti_login_states')).toBe(states);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  it('a target_link_uri that is not a URL at all is a 400, not a 500', async () => {
    const errorsBefore = errorLogLines().length;
    const refusal = await loginRefusal((p) => p.set('target_link_uri', 'http://['));
    expect(refusal.status).toBe(400);
    expect(refusal.html).toContain('Code: invalid_login_request');
    expect(errorLogLines().length).toBe(errorsBefore);
  });

  it('a target_link_uri on another site is refused, so Playroute is no open redirect', async () => {
    const refusal = await loginRefusal((p) => p.set('target_link_uri', 'https://phish.example.com/lti/launch'));
    expect(refusal.status).toBe(400);
    expect(refusal.html).toContain('Code: foreign_target_link_uri');
    expect(refusal.location).toBeNull();
  });

  it('a login for a deployment that is not registered is refused before any state is stored', async () => {
    const refusal = await loginRefusal((p) => p.set('lti_deployment_id', 'rogue-deployment'));
    expect(refusal.status).toBe(403);
    expect(refusal.html).toContain('Code: deployment_not_registered');
  });

  it.each(['login_hint', 'lti_message_hint', 'target_link_uri', 'lti_storage_target', 'client_id', 'lti_deployment_id', 'iss'])(
    'a 60 KB %s is refused with 400 instead of being echoed into a 60 KB redirect',
    async (name) => {
      const huge = name === 'target_link_uri' ? `${h.lti.urls.launch}?${'x'.repeat(60 * KB)}` : 'x'.repeat(60 * KB);
      const refusal = await loginRefusal((p) => p.set(name, huge), 'POST');
      expect(refusal.status).toBe(400);
      expect(refusal.html).toContain('Code: invalid_login_request');
      expect(refusal.location).toBeNull();
      expect(refusal.html.length).toBeLessThan(10 * KB);
    },
  );

  it('hints of the size real platforms send (a Canvas lti_message_hint is a JWT of about 1 KB) still log in', async () => {
    const outcome = await launchWith(
      (c) => c,
      (p) => {
        p.set('lti_message_hint', `eyJ${'a'.repeat(1500)}`);
        p.set('login_hint', 'b'.repeat(200));
      },
    );
    expect(outcome.status).toBe(303);
  });
});

describe('the id_token must answer the login it claims to', () => {
  it('an id_token whose target_link_uri differs from the one the login began with is refused', async () => {
    const outcome = await launchWith((c) => ({ ...c, [Claim.targetLinkUri]: `${h.toolBase}/lti/launch?somewhere-else` }));
    expect(outcome.status).toBe(401);
    expect(outcome.html).toContain('Code: target_link_uri_mismatch');
    expect(outcome.sessionToken).toBeUndefined();
  });

  it('an id_token for another (registered) deployment than the login named is refused', async () => {
    await h.lti.registry.register({ ...h.platform, deploymentIds: ['deployment-2'] });
    const outcome = await launchWith((c) => ({ ...c, [Claim.deploymentId]: 'deployment-2' }));
    expect(outcome.status).toBe(401);
    expect(outcome.html).toContain('Code: deployment_mismatch');
    // The same deployment on both sides is fine.
    expect((await launchWith((c) => ({ ...c, [Claim.deploymentId]: 'deployment-2' }), (p) => p.set('lti_deployment_id', 'deployment-2'))).status).toBe(303);
  });

  it('the nonce is recorded: an id_token presented again under a fresh login state with the same nonce is refused', async () => {
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('student').userId }).url);
    if (!('state' in login)) throw new Error('no login');
    const idToken = await h.lms.signIdToken(h.validClaims({ nonce: login.nonce }));
    expect((await browser.postLaunch(h.lti.urls.launch, { id_token: idToken, state: login.state })).status).toBe(303);
    // A second process, or a state store restored from a backup, could hold a state with that nonce again.
    const db = h.database.connection.db;
    if (!db) throw new Error('no database');
    await db.collection<{ _id: string } & Record<string, unknown>>('lti_login_states').insertOne({
      _id: 'replay-state',
      state: 'replay-state',
      nonce: login.nonce,
      issuer: h.platform.issuer,
      clientId: h.platform.clientId,
      deploymentId: 'deployment-1',
      targetLinkUri: h.lti.urls.launch,
      binding: 'cookie',
      createdAt: new Date(),
    });
    const replay = await browser.postLaunch(h.lti.urls.launch, { id_token: idToken, state: 'replay-state' });
    expect(replay.status).toBe(401);
    expect(replay.html).toContain('Code: nonce_replayed');
  });
});

describe('claims that are stored or shown have a length cap', () => {
  // 20 KB: small enough that the id_token still fits the 64 KB form, far over any real name or title.
  const huge = 'x'.repeat(20 * KB);
  it.each([
    { name: 'name', build: (c: JWTPayload) => ({ ...c, name: huge }) },
    { name: 'given_name', build: (c: JWTPayload) => ({ ...c, given_name: huge }) },
    { name: 'email', build: (c: JWTPayload) => ({ ...c, email: `${huge}@example.edu` }) },
    { name: 'locale', build: (c: JWTPayload) => ({ ...c, locale: huge }) },
    { name: 'context title', build: (c: JWTPayload) => ({ ...c, [Claim.context]: { id: 'course-huge', title: huge } }) },
    { name: 'resource link title', build: (c: JWTPayload) => ({ ...c, [Claim.resourceLink]: { id: 'link-huge', title: huge } }) },
    { name: 'a role', build: (c: JWTPayload) => ({ ...c, [Claim.roles]: [Role.learner, huge] }) },
    { name: 'a custom parameter', build: (c: JWTPayload) => ({ ...c, [Claim.custom]: { note: huge } }) },
  ])('a launch with a 20 KB $name is refused with 400 and stores nothing', async ({ build }) => {
    const people = await count('lti_people');
    const outcome = await launchWith(build);
    expect(outcome.status).toBe(400);
    expect(outcome.html).toContain('Code: invalid_claims');
    expect(await count('lti_people')).toBe(people);
  });
});

describe('service URLs in the id_token: Playroute sends its bearer token only to the platform', () => {
  const metadata = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/';

  it.each([
    { name: 'the cloud metadata address', url: metadata },
    { name: 'another site over https', url: 'https://collector.example.com/lineitems' },
    { name: 'another scheme', url: 'file:///etc/passwd' },
  ])('AGS and NRPS URLs pointing at $name are dropped: the launch works, the services are off, a warning is logged', async ({ url }) => {
    const contextId = `course-${Math.random().toString(36).slice(2)}`;
    const outcome = await launchWith((c) => ({
      ...c,
      [Claim.context]: { id: contextId, title: 'Hostile course' },
      [Claim.agsEndpoint]: { scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/lineitem'], lineitems: url, lineitem: url },
      [Claim.nrpsService]: { context_memberships_url: url, service_versions: ['2.0'] },
    }));
    expect(outcome.status).toBe(303);
    const context = await h.lti.records.getContext({ platformId: h.platform.id, deploymentId: 'deployment-1', contextId });
    expect(context).toBeDefined();
    expect(context?.lineItemsUrl).toBeUndefined();
    expect(context?.membershipsUrl).toBeUndefined();
    expect(h.logLines.join('\n')).toContain('service URL not on the platform');
  });

  it("service URLs on the platform's own host are kept", async () => {
    const contextId = `course-${Math.random().toString(36).slice(2)}`;
    const lineitems = `${h.lms.urls.issuer}/api/lti/courses/${contextId}/line_items`;
    const memberships = `${h.lms.urls.issuer}/api/lti/courses/${contextId}/names_and_roles`;
    const outcome = await launchWith((c) => ({
      ...c,
      [Claim.context]: { id: contextId, title: 'Own course' },
      [Claim.agsEndpoint]: { scope: [], lineitems },
      [Claim.nrpsService]: { context_memberships_url: memberships },
    }));
    expect(outcome.status).toBe(303);
    expect(await h.lti.records.getContext({ platformId: h.platform.id, deploymentId: 'deployment-1', contextId })).toMatchObject({ lineItemsUrl: lineitems, membershipsUrl: memberships });
  });

  it('Canvas: services on the institution host the launch returns to are kept, though the issuer is canvas.instructure.com', async () => {
    // Canvas's issuer is the same for every school; its services live on the school's own host, like its return_url.
    const contextId = `course-${Math.random().toString(36).slice(2)}`;
    const school = 'http://127.0.0.2:9';
    const outcome = await launchWith((c) => ({
      ...c,
      [Claim.context]: { id: contextId, title: 'Canvas course' },
      [Claim.toolPlatform]: { product_family_code: 'canvas', name: 'School Canvas' },
      [Claim.launchPresentation]: { return_url: `${school}/courses/2/external_content/success/external_tool_redirect` },
      [Claim.nrpsService]: { context_memberships_url: `${school}/api/lti/courses/2/names_and_roles` },
    }));
    expect(outcome.status).toBe(303);
    expect(await h.lti.records.getContext({ platformId: h.platform.id, deploymentId: 'deployment-1', contextId })).toMatchObject({
      membershipsUrl: `${school}/api/lti/courses/2/names_and_roles`,
    });
  });

  it('a service call to an address off the platform is refused before a token is even asked for', async () => {
    const lmsRequests = h.lms.requestLog().length;
    const nrps = ['https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly'];
    for (const url of ['file:///etc/passwd', metadata, 'http://collector.example.com/members', 'https://user:secret@collector.example.com/']) {
      await expect(h.lti.services.call(h.platform, nrps, { url })).rejects.toThrow(/not a service address/);
    }
    expect(h.lms.requestLog().length).toBe(lmsRequests);
  });
});

describe('sessions', () => {
  // Sessions are short-lived and renewed (server/lti/session-token.ts): one token must not outlive an hour.
  it('a launch session token lives at most an hour, never years', async () => {
    const outcome = await launchWith((c) => c);
    const token = decodeJwt(outcome.sessionToken ?? '');
    expect(token.exp).toBeDefined();
    expect(token.iat).toBeDefined();
    expect((token.exp ?? 0) - (token.iat ?? 0)).toBeGreaterThan(0);
    expect((token.exp ?? 0) - (token.iat ?? 0)).toBeLessThanOrEqual(3600);
  });

  it('a deep linking launch session token lives at most an hour too', async () => {
    const outcome = await launchWith((c) => ({
      ...c,
      [Claim.roles]: [Role.instructor],
      [Claim.messageType]: MessageType.deepLinkingRequest,
      [Claim.deepLinkingSettings]: { deep_link_return_url: `${h.lms.urls.issuer}/deep-linking/return`, accept_types: ['ltiResourceLink'] },
    }));
    const token = decodeJwt(outcome.sessionToken ?? '');
    expect((token.exp ?? 0) - (token.iat ?? 0)).toBeLessThanOrEqual(3600);
  });
});
