// A teacher places Playroute in a course through deep linking, in each LMS's quirk mode, and the placed link then opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LmsQuirks } from '../../server/demo-lms/index';
import { Role } from '../../server/lti/claims';
import { launchInOtherCourse as launchElsewhere, startLtiHarness, type LtiHarness } from '../support/lti-harness';

interface DeepLinkAnswer {
  returnUrl: string;
  jwt: string;
}

async function deepLinkingSession(h: LtiHarness, role: 'teacher' | 'student' = 'teacher'): Promise<string> {
  const outcome = await h.browser().launch({ user: h.lms.member(role).userId, messageType: 'LtiDeepLinkingRequest' });
  if (!outcome.sessionToken) throw new Error(`deep-linking launch failed: ${outcome.status} ${outcome.html ?? ''}`);
  return outcome.sessionToken;
}

async function answer(h: LtiHarness, token: string, choice: unknown): Promise<Response> {
  return h.api(token, '/api/deep-linking/response', { method: 'POST', body: JSON.stringify({ choice }) });
}

/** The browser posts the signed response back to the LMS, as the client's auto-submitting form does. */
async function returnToLms(reply: DeepLinkAnswer): Promise<Response> {
  return fetch(reply.returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: reply.jwt }) });
}

async function placementSession(h: LtiHarness, resourceLinkId: string, role: 'teacher' | 'student' | 'coach'): Promise<string> {
  const outcome = await h.browser().launch({ user: h.lms.member(role).userId, placement: resourceLinkId });
  if (!outcome.sessionToken) throw new Error(`placement launch failed: ${outcome.status}`);
  return outcome.sessionToken;
}

describe.each<LmsQuirks>(['standard', 'canvas', 'moodle', 'brightspace'])('placing Playroute in %s', (quirks) => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks });
  });
  afterAll(async () => {
    await h.close();
  });

  it('a teacher creates a new playbook: the LMS gets a signed link with a line item, and the link opens that playbook', async () => {
    const token = await deepLinkingSession(h);
    const res = await answer(h, token, { kind: 'new', title: 'Projectmanagement week 1-8' });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as DeepLinkAnswer;
    expect(reply.returnUrl).toBe(h.lms.urls.deepLinkReturn);
    expect((await returnToLms(reply)).status).toBe(200);

    const result = h.lms.deepLinkResults().at(-1);
    expect(result?.contentItems).toEqual([
      expect.objectContaining({
        type: 'ltiResourceLink',
        title: 'Projectmanagement week 1-8',
        url: h.lti.urls.launch,
        lineItem: expect.objectContaining({ scoreMaximum: 10, label: 'Projectmanagement week 1-8', tag: 'playroute-final-grade' }),
      }),
    ]);
    expect(result?.createdLineItems).toHaveLength(1);
    const placed = result?.createdPlacements[0];
    expect(placed).toBeTruthy();

    for (const role of ['student', 'teacher'] as const) {
      const opened = await h.api(await placementSession(h, placed ?? '', role), '/api/placement');
      expect(await opened.json()).toMatchObject({ playbook: { title: 'Projectmanagement week 1-8', status: 'draft' } });
    }
  });

  it('the same deep-linking request cannot be answered twice', async () => {
    const token = await deepLinkingSession(h);
    expect((await answer(h, token, { kind: 'new', title: 'Once' })).status).toBe(200);
    const again = await answer(h, token, { kind: 'new', title: 'Twice' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('deep_link_request_used');
  });
});

describe('choosing what to place', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** The same teacher (unless another sub is given) launching in another course of the same LMS. */
  const launchInOtherCourse = (contextId: string, roles: string[], sub = h.lms.member('teacher').userId) => launchElsewhere(h, contextId, roles, sub);

  it('a teacher sees the playbooks of this course and of the other courses they teach, and may place or copy them', async () => {
    const other = await launchInOtherCourse('course-last-year', [Role.instructor]);
    const setUp = await h.api(other, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title: 'Last year' }) });
    expect(setUp.status).toBe(201);

    const first = await deepLinkingSession(h);
    const made = (await (await answer(h, first, { kind: 'new', title: 'This year' })).json()) as DeepLinkAnswer;
    await returnToLms(made);
    const placed = h.lms.deepLinkResults().at(-1)?.createdPlacements[0] ?? '';
    await h.api(await placementSession(h, placed, 'teacher'), '/api/placement');

    const token = await deepLinkingSession(h);
    const options = (await (await h.api(token, '/api/deep-linking/options')).json()) as {
      thisCourse: { id: string; title: string }[];
      otherCourses: { id: string; title: string }[];
    };
    expect(options.thisCourse.map((p) => p.title)).toEqual(['This year']);
    expect(options.otherCourses.map((p) => p.title)).toEqual(['Last year']);

    const copied = await answer(h, token, { kind: 'copy', playbookId: options.otherCourses[0]?.id });
    expect(copied.status).toBe(200);
    await returnToLms((await copied.json()) as DeepLinkAnswer);
    const copyLink = h.lms.deepLinkResults().at(-1)?.createdPlacements[0] ?? '';
    const opened = (await (await h.api(await placementSession(h, copyLink, 'student'), '/api/placement')).json()) as { playbook: { id: string; title: string } };
    expect(opened.playbook.title).toBe('Last year');
    expect(opened.playbook.id).not.toBe(options.otherCourses[0]?.id);
  });

  it('a playbook of another course cannot be placed as it is, nor copied from a course the teacher only follows', async () => {
    const colleague = await launchInOtherCourse('course-of-a-colleague', [Role.instructor], 'teacher-colleague');
    const theirs = (await (await h.api(colleague, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title: 'Theirs' }) })).json()) as {
      playbook: { id: string };
    };
    await launchInOtherCourse('course-of-a-colleague', [Role.learner]);
    const token = await deepLinkingSession(h);
    const options = (await (await h.api(token, '/api/deep-linking/options')).json()) as { otherCourses: { id: string }[] };
    expect(options.otherCourses.map((p) => p.id)).not.toContain(theirs.playbook.id);
    expect((await answer(h, token, { kind: 'existing', playbookId: theirs.playbook.id })).status).toBe(403);
    const copy = await answer(h, await deepLinkingSession(h), { kind: 'copy', playbookId: theirs.playbook.id });
    expect(copy.status).toBe(403);
    expect(((await copy.json()) as { error: { message: string } }).error.message).toBe('You can only copy playbooks from courses you teach.');
  });

  it('a student can neither list nor answer a deep-linking request', async () => {
    const student = (await h.browser().launch({ user: h.lms.member('student').userId })).sessionToken ?? '';
    expect((await h.api(student, '/api/deep-linking/options')).status).toBe(403);
    expect((await answer(h, student, { kind: 'new', title: 'Sneaky' })).status).toBe(403);
  });

  it('a choice that is not one of the three kinds is refused, naming the field', async () => {
    const token = await deepLinkingSession(h);
    const res = await answer(h, token, { kind: 'everything' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^choice/);
    const empty = await answer(h, token, { kind: 'new', title: '   ' });
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe('choice.title: must not be empty');
  });

  it('a link placed without deep linking opens with no playbook; the teacher sets one up, students then see it', async () => {
    const studentToken = (await h.browser().launch({ user: h.lms.member('student').userId })).sessionToken ?? '';
    expect(await (await h.api(studentToken, '/api/placement')).json()).toEqual({ playbook: null });
    expect((await h.api(studentToken, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title: 'x' }) })).status).toBe(403);
    const teacherToken = (await h.browser().launch({ user: h.lms.member('teacher').userId })).sessionToken ?? '';
    expect((await h.api(teacherToken, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title: 'Set up later' }) })).status).toBe(201);
    expect(await (await h.api(studentToken, '/api/placement')).json()).toMatchObject({ playbook: { title: 'Set up later' } });
  });
});
