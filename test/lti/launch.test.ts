// Full OIDC launches from the simulated LMS, in each LMS's quirk mode, ending in a Playroute session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LmsQuirks } from '../../server/demo-lms/index';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { playrouteRolesIn } from '../support/lms-roles';

interface SessionView {
  roles: string[];
  user: { name: string | null; locale: string | null };
  context: { id: string; title: string | null } | null;
  placement: { resourceLinkId: string } | null;
  messageType: string;
  deepLinking: boolean;
}

describe.each<LmsQuirks>(['standard', 'canvas', 'moodle', 'brightspace'])('launching from %s', (quirks) => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks });
  });
  afterAll(async () => {
    await h.close();
  });

  async function sessionOf(token: string | undefined): Promise<SessionView> {
    expect(token, 'the launch should end with a session').toBeTruthy();
    const res = await h.api(token ?? '', '/api/session');
    expect(res.status).toBe(200);
    return (await res.json()) as SessionView;
  }

  it('a teacher lands in Playroute as a teacher of the course and placement', async () => {
    const outcome = await h.browser().launch({ user: h.lms.member('teacher').userId });
    expect(outcome.status).toBe(303);
    const session = await sessionOf(outcome.sessionToken);
    expect(session.roles).toEqual(['teacher']);
    expect(session.context).toMatchObject({ id: h.lms.course.id, title: h.lms.course.title });
    expect(session.placement?.resourceLinkId).toBeTruthy();
    expect(session.messageType).toBe('LtiResourceLinkRequest');
  });

  it('a student lands as a student, with the locale the LMS gave', async () => {
    const student = h.lms.member('student');
    const outcome = await h.browser().launch({ user: student.userId, locale: 'nl-NL' });
    const session = await sessionOf(outcome.sessionToken);
    expect(session.roles).toEqual(['student']);
    expect(session.user.locale).toBe('nl-NL');
  });

  it('a coach and a teaching assistant land with the rights the roles their LMS really sends give them', async () => {
    for (const role of ['coach', 'assistant'] as const) {
      const outcome = await h.browser().launch({ user: h.lms.member(role).userId });
      const session = await sessionOf(outcome.sessionToken);
      expect(session.roles, role).toEqual(playrouteRolesIn(quirks, role));
    }
  });

  it('the person, course, placement and membership are stored per platform and deployment', async () => {
    const student = h.lms.member('student');
    await h.browser().launch({ user: student.userId });
    const key = { platformId: h.platform.id, deploymentId: 'deployment-1', contextId: h.lms.course.id };
    const person = await h.lti.records.getPerson(h.platform.id, student.userId);
    expect(person).toMatchObject({ sub: student.userId, email: student.email });
    const members = await h.lti.records.listMembers(key);
    expect(members.find((m) => m.sub === student.userId)).toMatchObject({ status: 'active' });
    expect(await h.lti.records.getContext(key)).toMatchObject({ title: h.lms.course.title });
  });
});

describe('where the browser keeps the launch safe', () => {
  it('with third-party cookies blocked, a Canvas launch completes through LTI Platform Storage', async () => {
    const h = await startLtiHarness({ quirks: 'canvas' });
    try {
      const outcome = await h.browser({ blockCookies: true }).launch({ user: h.lms.member('student').userId });
      expect(outcome.status).toBe(303);
      const res = await h.api(outcome.sessionToken ?? '', '/api/session');
      expect(((await res.json()) as { roles: string[] }).roles).toEqual(['student']);
    } finally {
      await h.close();
    }
  });

  it('with cookies blocked on Moodle (no Platform Storage), the person is told what they can do themselves, and who can change the LMS setting', async () => {
    const h = await startLtiHarness({ quirks: 'moodle' });
    try {
      const outcome = await h.browser({ blockCookies: true }).launch({ user: h.lms.member('student').userId });
      expect(outcome.status).toBe(401);
      expect(outcome.sessionToken).toBeUndefined();
      // A browser without Fetch Metadata gets here (Chrome, Firefox and Safari offer a new window at login instead).
      expect(outcome.html).toContain('Allow cookies for this site in your browser’s settings, then open Playroute again from your course.');
      expect(outcome.html).not.toContain('use your course’s “open in new window” option');
    } finally {
      await h.close();
    }
  });

  it('with both cookies and Platform Storage blocked on Brightspace, the launch never completes', async () => {
    const h = await startLtiHarness({ quirks: 'brightspace' });
    try {
      const outcome = await h.browser({ blockCookies: true, blockPlatformStorage: true }).launch({ user: h.lms.member('teacher').userId });
      expect(outcome.sessionToken).toBeUndefined();
      expect(outcome.html).toContain('id="blocked"');
    } finally {
      await h.close();
    }
  });
});
