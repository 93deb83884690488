// The data inventory at /privacy in Dutch and English, served under the house Content-Security-Policy; and a launch
// without name or e-mail (the LMS's privacy level) works and stores neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Claim, Role } from '../../server/lti/claims';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';

describe('privacy', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('GET /privacy shows the inventory in Dutch by default, in English by choice or by the browser, with the CSP and no script', async () => {
    const nl = await fetch(`${h.toolBase}/privacy`);
    expect(nl.status).toBe(200);
    expect(nl.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const nlText = await nl.text();
    expect(nlText).toContain('<html lang="nl">');
    expect(nlText).toContain('Privacy: wat Playroute over je bewaart');
    expect(nlText).toMatch(/een jaar na de laatste activiteit/);
    expect(nlText).not.toContain('<script');

    const en = await (await fetch(`${h.toolBase}/privacy?lang=en`)).text();
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/Grades already in the LMS gradebook stay there/);
    const byBrowser = await (await fetch(`${h.toolBase}/privacy`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(byBrowser).toContain('<html lang="en">');
  });

  it('a launch without name and e-mail works, and Playroute keeps neither', async () => {
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('student').userId }).url);
    if (!('state' in login)) throw new Error('no login');
    const claims = h.validClaims({ nonce: login.nonce, sub: 'u-anonymous-student', [Claim.roles]: [Role.learner] });
    delete claims.name;
    delete claims.email;
    delete claims.given_name;
    delete claims.family_name;
    const outcome = await browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
    expect(outcome.sessionToken).toBeTruthy();
    const session = await h.api(outcome.sessionToken ?? '', '/api/session');
    expect(session.status).toBe(200);
    const db = h.database.connection.db;
    if (!db) throw new Error('no database');
    const person = await db.collection('lti_people').findOne({ sub: 'u-anonymous-student' });
    expect(person).not.toBeNull();
    for (const field of ['name', 'email', 'givenName', 'familyName']) expect(person?.[field] ?? null, field).toBeNull();
  });

  it('from a launch with every name claim, Playroute keeps the name it shows and not the given and family names it never shows', async () => {
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('student').userId }).url);
    if (!('state' in login)) throw new Error('no login');
    const claims = h.validClaims({ nonce: login.nonce, sub: 'u-named-student', name: 'Noor el Amrani', given_name: 'Noor', family_name: 'el Amrani', [Claim.roles]: [Role.learner] });
    const outcome = await browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
    expect(outcome.sessionToken).toBeTruthy();
    const db = h.database.connection.db;
    if (!db) throw new Error('no database');
    const person = await db.collection('lti_people').findOne({ sub: 'u-named-student' });
    expect(person?.name).toBe('Noor el Amrani');
    for (const field of ['givenName', 'familyName']) expect(person?.[field] ?? null, field).toBeNull();
  });
});
