// The class list from the LMS (NRPS) in each LMS's quirk mode: everyone enrolled, paged, kept in step, and only for teachers and coaches.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LmsQuirks, Member } from '../../server/demo-lms/index';
import { Claim, Role } from '../../server/lti/claims';
import { createLogger } from '../../server/logger';
import { createRoster } from '../../server/features/roster/index';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { playrouteRolesIn } from '../support/lms-roles';

interface RosterView {
  course: { id: string; title: string | null };
  roster: { available: boolean; syncedAt: string | null; error: { code: string; message: string } | null };
  members: { id: string; name: string | null; email: string | null; roles: string[]; status: string; hasLaunched: boolean }[];
}

const PAGE_SIZE = 100;

describe.each<LmsQuirks>(['standard', 'canvas', 'moodle', 'brightspace'])('the class list from %s', (quirks) => {
  let h: LtiHarness;
  let teacherToken: string;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks });
    teacherToken = await launchAs(h.lms.member('teacher').userId);
  });
  afterAll(async () => {
    await h.close();
  });

  async function launchAs(userId: string): Promise<string> {
    const outcome = await h.browser().launch({ user: userId });
    if (!outcome.sessionToken) throw new Error(`launch of ${userId} ended with ${outcome.status}`);
    return outcome.sessionToken;
  }

  async function roster(token = teacherToken): Promise<RosterView> {
    const res = await h.api(token, '/api/course/roster');
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as RosterView;
  }

  function sync(token = teacherToken): Promise<Response> {
    return h.api(token, '/api/course/roster/sync', { method: 'POST' });
  }

  const nrpsRequests = () => h.lms.requestLog().filter((entry) => entry.path.includes('/nrps/'));

  it('a teacher sees everyone enrolled, including students who never opened Playroute', async () => {
    const view = await roster();
    const enrolled = h.lms.members();
    expect(view.course.id).toBe(h.lms.course.id);
    expect(view.roster).toMatchObject({ available: true, error: null });
    expect(view.roster.syncedAt).toBeTruthy();
    expect(view.members.map((m) => m.id).sort()).toEqual(enrolled.map((m) => m.userId).sort());
    for (const member of enrolled) {
      const shown = view.members.find((m) => m.id === member.userId);
      expect(shown).toMatchObject({ name: `${member.givenName} ${member.familyName}`, email: member.email, status: 'active' });
      expect(shown?.roles).toEqual(playrouteRolesIn(quirks, member.role));
      expect(shown?.hasLaunched).toBe(member.role === 'teacher');
    }
    expect(view.members.filter((m) => m.roles.includes('student') && !m.hasLaunched).length).toBeGreaterThanOrEqual(4);
  });

  it('opening the list again soon does not ask the LMS again', async () => {
    const before = nrpsRequests().length;
    await roster();
    expect(nrpsRequests().length).toBe(before);
  });

  it('a large course is read across pages of at most the limit Playroute asks for', async () => {
    for (let i = 0; i < 2 * PAGE_SIZE + 15; i += 1) h.lms.addMember(extraStudent(i));
    const before = nrpsRequests().length;
    expect((await sync()).status).toBe(200);
    const pages = nrpsRequests().slice(before);
    expect(pages.length).toBe(3);
    for (const page of pages) expect(page.query.limit).toBe(String(PAGE_SIZE));
    const view = await roster();
    expect(view.members).toHaveLength(h.lms.members().length);
    expect(view.members.find((m) => m.id === 'u-extra-214')).toMatchObject({ roles: ['student'], hasLaunched: false });
  });

  it('a member removed in the LMS becomes inactive after a sync', async () => {
    const leaving = h.lms.members().find((m) => m.userId === 'u-student-noor');
    expect(leaving).toBeDefined();
    h.lms.removeMember('u-student-noor');
    expect((await sync()).status).toBe(200);
    const view = await roster();
    expect(view.members.find((m) => m.id === 'u-student-noor')).toMatchObject({ status: 'inactive' });
    expect(view.members.filter((m) => m.status === 'active')).toHaveLength(h.lms.members().length);
    h.lms.addMember(leaving as Member);
  });

  it('a student may not see the class list', async () => {
    const token = await launchAs(h.lms.member('student').userId);
    const res = await h.api(token, '/api/course/roster');
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'not_authorised' } });
    expect((await sync(token)).status).toBe(403);
  });

  it('a study coach may read the class list; only a teacher (in Moodle the coach is an Instructor) forces a sync', async () => {
    const token = await launchAs(h.lms.member('coach').userId);
    await roster(token);
    if (playrouteRolesIn(quirks, 'coach').includes('teacher')) {
      expect((await sync(token)).status).toBe(200);
      return;
    }
    // Which people a coach's list holds is the one scope rule, tested in roster-scope.test.ts.
    expect((await sync(token)).status).toBe(403);
  });

  it('when the LMS fails, a sync answers 502 with a readable message and the stored list stays', async () => {
    const before = await roster();
    h.lms.injectFailures({ rate: 1 });
    try {
      const res = await sync();
      expect(res.status).toBe(502);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toMatch(/^lms_/);
      expect(body.error.message).toMatch(/learning environment.*try again later/);
    } finally {
      h.lms.injectFailures(null);
    }
    const after = await roster();
    expect(after.members).toEqual(before.members);
    expect(after.roster.syncedAt).toBe(before.roster.syncedAt);
  });

  it('a launch from outside a course gets a clear error', async () => {
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('teacher').userId }).url);
    if (!('state' in login)) throw new Error('login did not redirect to the LMS');
    const claims = h.validClaims({ nonce: login.nonce, [Claim.roles]: [Role.instructor] });
    delete claims[Claim.context];
    const outcome = await browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
    const res = await h.api(outcome.sessionToken ?? '', '/api/course/roster');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'no_course', message: expect.stringMatching(/not come from a course/) } });
  });
});

describe('keeping the class list fresh', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('opening it refreshes it at most every 10 minutes, and shows the stored list when the LMS is down', async () => {
    const outcome = await h.browser().launch({ user: h.lms.member('teacher').userId });
    const session = await h.lti.sessions.verify(outcome.sessionToken ?? '');
    if (!session) throw new Error('no session');
    let at = Date.now();
    const logLines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'debug', destination: sink });
    const roster = createRoster({ records: h.lti.records, registry: h.lti.registry, nrps: h.lti.nrps, logger, now: () => new Date(at) });
    const reads = () => h.lms.requestLog().filter((entry) => entry.path.includes('/nrps/')).length;

    const first = await roster.classList({ session, sync: 'if-stale' });
    expect(first.members).toHaveLength(h.lms.members().length);
    expect(reads()).toBe(1);
    at += 9 * 60_000;
    await roster.classList({ session, sync: 'if-stale' });
    expect(reads()).toBe(1);
    at += 2 * 60_000;
    h.lms.addMember(extraStudent(1));
    expect((await roster.classList({ session, sync: 'if-stale' })).members.map((m) => m.id)).toContain('u-extra-1');
    expect(reads()).toBe(2);

    at += 11 * 60_000;
    h.lms.injectFailures({ rate: 1, statuses: [503] });
    const stale = await roster.classList({ session, sync: 'if-stale' }).finally(() => h.lms.injectFailures(null));
    expect(stale.roster.error).toMatchObject({ code: 'lms_failed' });
    expect(stale.members).toHaveLength(h.lms.members().length);
    expect(logLines.join('')).toContain('class list refresh failed');
  });

  it('teachers opening a stale list together cause one sync', async () => {
    const outcome = await h.browser().launch({ user: h.lms.member('teacher').userId });
    const session = await h.lti.sessions.verify(outcome.sessionToken ?? '');
    if (!session) throw new Error('no session');
    const logger = createLogger({ level: 'silent' });
    // A day later than any sync so far, so the stored list is stale.
    const roster = createRoster({ records: h.lti.records, registry: h.lti.registry, nrps: h.lti.nrps, logger, now: () => new Date(Date.now() + 86_400_000) });
    const before = h.lms.requestLog().filter((entry) => entry.path.includes('/nrps/')).length;
    await Promise.all(Array.from({ length: 5 }, () => roster.classList({ session, sync: 'if-stale' })));
    expect(h.lms.requestLog().filter((entry) => entry.path.includes('/nrps/')).length - before).toBe(1);
  });
});

function extraStudent(i: number): Member {
  return { userId: `u-extra-${i}`, givenName: 'Extra', familyName: `Student ${i}`, email: `extra${i}@student.example.edu`, locale: 'en-GB', role: 'student' };
}
