// Every launch the LTI 1.3 Security Framework (and 1EdTech certification) says a tool must accept or reject, one test each.
import type { JWTPayload } from 'jose';
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

const now = () => Math.floor(Date.now() / 1000);

/** Starts a real login, then posts a token the test built (signed by the LMS unless the test says otherwise). */
async function launchWith(
  build: (claims: JWTPayload) => JWTPayload,
  options: { kid?: string; token?: (signed: string) => string; state?: (state: string) => string | undefined } = {},
): Promise<LaunchOutcome> {
  const browser = h.browser();
  const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('student').userId }).url);
  if (!('state' in login)) throw new Error('login did not redirect to the LMS');
  const claims = build(h.validClaims({ nonce: login.nonce }));
  const signed = await h.lms.signIdToken(claims, options.kid ? { kid: options.kid } : {});
  const fields: Record<string, string> = { id_token: options.token ? options.token(signed) : signed };
  const state = options.state ? options.state(login.state) : login.state;
  if (state !== undefined) fields.state = state;
  return browser.postLaunch(h.lti.urls.launch, fields);
}

async function storedRecords(): Promise<number> {
  const db = h.database.connection.db;
  if (!db) throw new Error('no database');
  const counts = await Promise.all(
    ['lti_people', 'lti_contexts', 'lti_placements', 'lti_memberships', 'lti_deep_link_requests'].map((name) => db.collection(name).countDocuments()),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

async function sessionRoles(outcome: LaunchOutcome): Promise<string[]> {
  expect(outcome.status, outcome.html ?? '').toBe(303);
  const res = await h.api(outcome.sessionToken ?? '', '/api/session');
  return ((await res.json()) as { roles: string[] }).roles;
}

function without(claims: JWTPayload, ...names: string[]): JWTPayload {
  const copy = { ...claims };
  for (const name of names) delete copy[name];
  return copy;
}

describe('accepted launches', () => {
  it('a launch with no personal data at all', async () => {
    const outcome = await launchWith((c) => without(c, 'name', 'given_name', 'family_name', 'email'));
    expect(await sessionRoles(outcome)).toEqual(['student']);
  });

  it('a launch that shares only the email address', async () => {
    const outcome = await launchWith((c) => ({ ...without(c, 'name'), sub: 'only-email', email: 'only@example.edu' }));
    expect(await sessionRoles(outcome)).toEqual(['student']);
    expect(await h.lti.records.getPerson(h.platform.id, 'only-email')).toMatchObject({ email: 'only@example.edu' });
  });

  it('a launch that shares only the names', async () => {
    const outcome = await launchWith((c) => ({ ...c, sub: 'only-names', name: 'Noor de Vries', given_name: 'Noor', family_name: 'de Vries' }));
    expect(await sessionRoles(outcome)).toEqual(['student']);
    const person = await h.lti.records.getPerson(h.platform.id, 'only-names');
    expect(person).toMatchObject({ name: 'Noor de Vries' });
    // Only the name Playroute shows is kept (issue 15, data minimisation), not the parts it never shows.
    expect(person).not.toHaveProperty('givenName');
  });

  it('a launch with given and family name but no full name keeps them joined as the name', async () => {
    const outcome = await launchWith((c) => ({ ...without(c, 'name', 'email'), sub: 'name-parts', given_name: 'Noor', family_name: 'de Vries' }));
    expect(await sessionRoles(outcome)).toEqual(['student']);
    expect(await h.lti.records.getPerson(h.platform.id, 'name-parts')).toMatchObject({ name: 'Noor de Vries' });
  });

  it('a launch without any role lands without Playroute rights', async () => {
    expect(await sessionRoles(await launchWith((c) => without(c, Claim.roles)))).toEqual([]);
  });

  it('a launch with several roles', async () => {
    expect(await sessionRoles(await launchWith((c) => ({ ...c, [Claim.roles]: [Role.instructor, Role.mentor] })))).toEqual(['teacher', 'coach']);
  });

  it('a launch with the short (deprecated) role names', async () => {
    expect(await sessionRoles(await launchWith((c) => ({ ...c, [Claim.roles]: ['Instructor'] })))).toEqual(['teacher']);
  });

  it('a launch with only unknown roles', async () => {
    expect(await sessionRoles(await launchWith((c) => ({ ...c, [Claim.roles]: ['http://example.edu/roles#Wizard'] })))).toEqual([]);
  });

  it('a launch without a context', async () => {
    const outcome = await launchWith((c) => without(c, Claim.context));
    const res = await h.api(outcome.sessionToken ?? '', '/api/session');
    expect(await res.json()).toMatchObject({ context: null, roles: ['student'] });
  });
});

describe('rejected launches: a clear 4xx and nothing written', () => {
  const cases: { name: string; code: string; status?: number; launch: () => Promise<LaunchOutcome> }[] = [
    { name: 'no kid in the header', code: 'missing_kid', launch: () => launchWith((c) => c, { token: (t) => reheader(t, { alg: 'RS256', typ: 'JWT' }) }) },
    { name: 'a kid the platform does not publish', code: 'unknown_kid', launch: () => launchWith((c) => c, { kid: 'not-a-published-kid' }) },
    { name: 'not a JWT', code: 'not_a_jwt', status: 400, launch: () => launchWith((c) => c, { token: () => 'this-is-not-a-jwt' }) },
    { name: 'a wrong LTI version', code: 'invalid_claims', status: 400, launch: () => launchWith((c) => ({ ...c, [Claim.version]: '1.1' })) },
    { name: 'no LTI version', code: 'invalid_claims', status: 400, launch: () => launchWith((c) => without(c, Claim.version)) },
    { name: 'no deployment_id', code: 'invalid_claims', status: 400, launch: () => launchWith((c) => without(c, Claim.deploymentId)) },
    { name: 'no message_type', code: 'invalid_claims', status: 400, launch: () => launchWith((c) => without(c, Claim.messageType)) },
    { name: 'no sub', code: 'invalid_claims', status: 400, launch: () => launchWith((c) => without(c, 'sub')) },
    { name: 'no resource_link id', code: 'invalid_claims', status: 400, launch: () => launchWith((c) => ({ ...c, [Claim.resourceLink]: { title: 'x' } })) },
    { name: 'a deployment that is not registered', code: 'deployment_not_registered', status: 403, launch: () => launchWith((c) => ({ ...c, [Claim.deploymentId]: 'rogue-deployment' })) },
    { name: 'a bad signature', code: 'bad_signature', launch: () => launchWith((c) => c, { token: tamperSignature }) },
    { name: 'a wrong iss', code: 'wrong_issuer', launch: () => launchWith((c) => ({ ...c, iss: 'https://evil.example.com' })) },
    { name: 'an aud that is not ours', code: 'wrong_audience', launch: () => launchWith((c) => ({ ...c, aud: 'another-tool', azp: 'another-tool' })) },
    { name: 'several audiences and no azp', code: 'missing_azp', launch: () => launchWith((c) => without({ ...c, aud: [String(c.aud), 'another-tool'] }, 'azp')) },
    { name: 'several audiences and a wrong azp', code: 'wrong_azp', launch: () => launchWith((c) => ({ ...c, aud: [String(c.aud), 'another-tool'], azp: 'another-tool' })) },
    { name: 'an expired token', code: 'token_expired', launch: () => launchWith((c) => ({ ...c, iat: now() - 600, exp: now() - 120 })) },
    { name: 'an iat in the future beyond the leeway', code: 'issued_in_future', launch: () => launchWith((c) => ({ ...c, iat: now() + 120, exp: now() + 600 })) },
    { name: 'a missing state', code: 'invalid_launch_request', status: 400, launch: () => launchWith((c) => c, { state: () => undefined }) },
    { name: 'a wrong state', code: 'state_unknown', launch: () => launchWith((c) => c, { state: () => 'made-up-state' }) },
    { name: 'a nonce from another login', code: 'nonce_mismatch', launch: () => launchWith((c) => ({ ...c, nonce: 'nonce-of-another-login' })) },
    {
      name: 'a Learner sending a deep linking request',
      code: 'deep_linking_needs_instructor',
      status: 403,
      launch: () =>
        launchWith((c) => ({
          ...without(c, Claim.resourceLink),
          [Claim.messageType]: MessageType.deepLinkingRequest,
          [Claim.deepLinkingSettings]: { deep_link_return_url: `${h.lms.urls.issuer}/deep-linking/return`, accept_types: ['ltiResourceLink'] },
        })),
    },
  ];

  it.each(cases)('$name → $code', async ({ code, status, launch }) => {
    const before = await storedRecords();
    const outcome = await launch();
    expect(outcome.sessionToken).toBeUndefined();
    expect(outcome.status).toBe(status ?? 401);
    expect(outcome.html).toContain(`Code: ${code}`);
    expect(await storedRecords()).toBe(before);
  });

  it('a replayed launch (the same form posted twice) is refused the second time', async () => {
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('student').userId }).url);
    if (!('state' in login)) throw new Error('no login');
    const fields = { id_token: await h.lms.signIdToken(h.validClaims({ nonce: login.nonce })), state: login.state };
    expect((await browser.postLaunch(h.lti.urls.launch, fields)).status).toBe(303);
    const before = await storedRecords();
    const replay = await browser.postLaunch(h.lti.urls.launch, fields);
    expect(replay.status).toBe(401);
    expect(replay.html).toContain('Code: state_unknown');
    expect(await storedRecords()).toBe(before);
  });

  it('an id_token within the clock leeway is still accepted', async () => {
    const outcome = await launchWith((c) => ({ ...c, iat: now() + 10, exp: now() + 300 }));
    expect(outcome.status).toBe(303);
  });
});

describe('platform keys', () => {
  it('the platform JWKS is fetched once and reused for later launches', async () => {
    const fresh = await startLtiHarness();
    try {
      for (const role of ['teacher', 'student', 'coach'] as const) {
        expect((await fresh.browser().launch({ user: fresh.lms.member(role).userId })).status).toBe(303);
      }
      expect(fresh.jwksFetches()).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('when the platform rotates its key, the next launch fetches the new key set and succeeds', async () => {
    const fresh = await startLtiHarness();
    try {
      await fresh.browser().launch({ user: fresh.lms.member('student').userId });
      const oldKid = fresh.lms.currentKid;
      fresh.lms.rotateKey();
      fresh.lms.removeKey(oldKid);
      expect((await fresh.browser().launch({ user: fresh.lms.member('student').userId })).status).toBe(303);
      expect(fresh.jwksFetches()).toBe(2);
    } finally {
      await fresh.close();
    }
  });
});

describe('secrets', () => {
  it('tokens, cookies and keys never reach the logs', async () => {
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('teacher').userId }).url);
    if (!('state' in login)) throw new Error('no login');
    const idToken = await h.lms.signIdToken(h.validClaims({ nonce: login.nonce }));
    const outcome = await browser.postLaunch(h.lti.urls.launch, { id_token: idToken, state: login.state });
    await launchWith((c) => c, { token: tamperSignature });
    const logs = h.logLines.join('\n');
    expect(logs).not.toContain(idToken.split('.')[2]);
    expect(logs).not.toContain(outcome.sessionToken ?? 'no-session');
    expect(logs).not.toContain(login.nonce);
    expect(logs).not.toContain(h.config.ltiEncryptionKey);
  });

  it('the tool JWKS publishes public keys only', async () => {
    const jwks = (await (await fetch(h.lti.urls.jwks)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(privatePart);
    }
  });
});

function reheader(token: string, header: Record<string, string>): string {
  const [, payload, signature] = token.split('.');
  return `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${payload}.${signature}`;
}

function tamperSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.');
  const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
  return `${header}.${payload}.${flipped}`;
}
