// A Playroute session is short-lived and renewed while it lasts; it ends with the course membership it came from.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionTokens, type LaunchSession } from '../../server/lti/session-token';
import { seedPlaybook } from '../support/playbook-seed';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

interface ErrorAnswer {
  error: { code: string; message: string };
}

/** Pinned: a stolen or forgotten token is useful for at most half an hour. */
const LIFETIME_SECONDS = 30 * 60;

describe('a session through the API', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function launchAs(user: string, placement: string): Promise<string> {
    const outcome = await h.browser().launch({ user, placement });
    if (!outcome.sessionToken) throw new Error(`launch of ${user} ended with ${outcome.status}`);
    return outcome.sessionToken;
  }

  const renew = (token: string) => h.api(token, '/api/session/renew', { method: 'POST' });

  it('a launch gives a token that lives half an hour', async () => {
    const { placement } = await seedPlaybook(h);
    const claims = decodeJwt(await launchAs('u-student-fleur', placement));
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(LIFETIME_SECONDS);
  });

  it('renewing gives a fresh token for the same person, course and link, which the API accepts', async () => {
    const { placement } = await seedPlaybook(h);
    const token = await launchAs('u-student-fleur', placement);
    const res = await renew(token);
    expect(res.status, await res.clone().text()).toBe(200);
    const { token: renewed, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
    expect(renewed).not.toBe(token);
    expect(new Date(expiresAt).getTime()).toBe((decodeJwt(renewed).exp ?? 0) * 1000);
    expect(await (await h.api(renewed, '/api/session')).json()).toMatchObject({ roles: ['student'], placement: { resourceLinkId: placement } });
    expect((await h.api(renewed, '/api/route')).status).toBe(200);
  });

  it('a student the LMS unenrolled cannot write once the class list knows it, nor renew the session', async () => {
    const { placement } = await seedPlaybook(h);
    const student = 'u-student-noor';
    const token = await launchAs(student, placement);
    const { route } = (await (await h.api(token, '/api/route')).json()) as { route: { version: number } };

    h.lms.removeMember(student);
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    expect((await h.api(teacher, '/api/course/roster/sync', { method: 'POST' })).status).toBe(200);

    const write = await h.api(token, '/api/route', { method: 'PUT', body: JSON.stringify({ version: route.version, entries: [{ activityId: 'activate' }] }) });
    expect(write.status).toBe(403);
    const refused = ((await write.json()) as ErrorAnswer).error;
    expect(refused.code).toBe('no_longer_enrolled');
    expect(refused.message).toBe('You are no longer enrolled in this course, so Playroute saves nothing more for you here. Ask your teacher if this is a mistake.');
    expect((await renew(token)).status).toBe(403);
  });

  it('someone the class list never named (an LMS administrator launching the course) keeps writing after a sync', async () => {
    const { placement } = await seedPlaybook(h);
    h.lms.addMember({ userId: 'u-admin-ans', givenName: 'Ans', familyName: 'Beheer', email: 'ans@example.edu', locale: 'nl-NL', role: 'teacher' });
    const admin = await launchAs('u-admin-ans', placement);
    // Like a Moodle site admin: launches fine, but is not enrolled, so the class list does not name them.
    h.lms.removeMember('u-admin-ans');
    const teacher = await launchAs(h.lms.member('teacher').userId, placement);
    expect((await h.api(teacher, '/api/course/roster/sync', { method: 'POST' })).status).toBe(200);
    expect((await renew(admin)).status).toBe(200);
  });

  it('a forged or missing token cannot be renewed', async () => {
    expect((await renew('not-a-token')).status).toBe(401);
    expect((await h.api('', '/api/session/renew', { method: 'POST' })).status).toBe(401);
  });
});

describe('the session clock', () => {
  let now = new Date('2030-09-02T08:00:00Z');
  const tokens = createSessionTokens({ masterKey: 'a-master-key-for-this-test-only-32+chars', issuer: 'https://playroute.test', now: () => now });
  const session: Omit<LaunchSession, 'sid'> = { platformId: 'p', deploymentId: 'd', sub: 'u-1', contextId: 'c', resourceLinkId: 'r', roles: ['student'], messageType: 'LtiResourceLinkRequest' };
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  it('a token is refused one second after its half hour, and an expired session cannot be renewed', async () => {
    now = new Date('2030-09-02T08:00:00Z');
    const token = await tokens.issue(session);
    now = new Date(later(30).getTime() + 1000);
    expect(await tokens.verify(token)).toBeUndefined();
    expect(await tokens.renew(token)).toBeUndefined();
  });

  it('renewing keeps a session going, but never past ten hours after the launch', async () => {
    now = new Date('2030-09-02T08:00:00Z');
    let token = await tokens.issue(session);
    const launched = now.getTime();
    for (let step = 0; step < 24; step += 1) {
      now = later(25);
      const renewed = await tokens.renew(token);
      if (!renewed) break;
      token = renewed;
    }
    const last = decodeJwt(token);
    expect((last.exp ?? 0) * 1000).toBe(launched + 10 * 3600_000);
    expect(await tokens.renew(token)).toBeUndefined();
  });

  it('a token one process signed is checked in full by another with the same key; altered, or signed with another key, it is refused', async () => {
    now = new Date('2030-09-02T08:00:00Z');
    const token = await tokens.issue({ ...session, course: { title: 'Zorg & Welzijn' }, name: 'Noor “Ö” Bakker' });
    // Another process: the same key and issuer, but it has not seen this token, so it verifies the signature and claims.
    const other = createSessionTokens({ masterKey: 'a-master-key-for-this-test-only-32+chars', issuer: 'https://playroute.test', now: () => now });
    expect(await other.verify(token)).toMatchObject({ ...session, course: { title: 'Zorg & Welzijn' }, name: 'Noor “Ö” Bakker' });
    expect(decodeJwt(token)).toMatchObject({ iss: 'https://playroute.test', aud: 'playroute-api', iat: now.getTime() / 1000, exp: now.getTime() / 1000 + LIFETIME_SECONDS });
    expect(typeof decodeJwt(token).jti).toBe('string');
    const [header, payload, signature = ''] = token.split('.');
    const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const fresh = () => createSessionTokens({ masterKey: 'a-master-key-for-this-test-only-32+chars', issuer: 'https://playroute.test', now: () => now });
    expect(await fresh().verify(altered)).toBeUndefined();
    const otherKey = createSessionTokens({ masterKey: 'another-master-key-for-this-test-32+chars', issuer: 'https://playroute.test', now: () => now });
    expect(await otherKey.verify(token)).toBeUndefined();
    expect(await fresh().verify(await otherKey.issue(session))).toBeUndefined();
    const otherIssuer = createSessionTokens({ masterKey: 'a-master-key-for-this-test-only-32+chars', issuer: 'https://elsewhere.test', now: () => now });
    expect(await otherIssuer.verify(token)).toBeUndefined();
  });
});
