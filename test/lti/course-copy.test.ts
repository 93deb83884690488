// Which playbook a link opens when it names one: deep linking's own, a course copy's (as Canvas copies a course), and never another course's or school's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Claim, Role } from '../../server/lti/claims';
import { createPlaybookRepository } from '../../server/features/playbooks/data/playbook-repository';
import { emptyPlaybook } from '../../server/features/placements/use-cases/new-playbook';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { designPublishablePlaybook, readDesign, write } from '../support/teacher-api';

interface DeepLinkAnswer {
  returnUrl: string;
  jwt: string;
}

interface CoachStudents {
  playbook: { id: string };
  students: { id: string; route: unknown }[];
}

describe('a link that names a playbook (Canvas)', () => {
  let h: LtiHarness;
  let copies = 0;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks: 'canvas' });
  });
  afterAll(async () => {
    await h.close();
  });

  async function launchAs(role: 'teacher' | 'student', link: string): Promise<string> {
    const outcome = await h.browser().launch({ user: h.lms.member(role).userId, placement: link });
    if (!outcome.sessionToken) throw new Error(`${role} launch failed: ${outcome.status}`);
    return outcome.sessionToken;
  }

  /** A teacher places a new playbook through deep linking; the LMS creates the link. */
  async function deepLinkNewPlaybook(title: string): Promise<{ link: string; token: string }> {
    const dl = await h.browser().launch({ user: h.lms.member('teacher').userId, messageType: 'LtiDeepLinkingRequest' });
    const res = await h.api(dl.sessionToken ?? '', '/api/deep-linking/response', { method: 'POST', body: JSON.stringify({ choice: { kind: 'new', title } }) });
    const reply = (await res.json()) as DeepLinkAnswer;
    await fetch(reply.returnUrl, { method: 'POST', body: new URLSearchParams({ JWT: reply.jwt }) });
    const link = h.lms.deepLinkResults().at(-1)?.createdPlacements[0] ?? '';
    const placed = h.lms.placements().find((p) => p.resourceLinkId === link);
    return { link, token: placed?.custom.playroute_link ?? '' };
  }

  /** A launch the LMS signs for a link in some course, with the custom parameters the link carries there. */
  async function launchWithCustom(props: { contextId: string; link: string; custom: Record<string, string>; sub?: string; roles?: string[] }): Promise<string> {
    const browser = h.browser();
    const login = await browser.login(h.lms.startLaunch({ user: h.lms.member('teacher').userId }).url);
    if (!('state' in login)) throw new Error('no login');
    const claims = h.validClaims({
      nonce: login.nonce,
      sub: props.sub ?? h.lms.member('teacher').userId,
      [Claim.roles]: props.roles ?? [Role.instructor],
      [Claim.context]: { id: props.contextId, title: `Course ${props.contextId}` },
      [Claim.resourceLink]: { id: props.link },
      [Claim.custom]: props.custom,
    });
    const outcome = await browser.postLaunch(h.lti.urls.launch, { id_token: await h.lms.signIdToken(claims), state: login.state });
    if (!outcome.sessionToken) throw new Error(`launch in ${props.contextId} failed: ${outcome.status}`);
    return outcome.sessionToken;
  }

  async function placementOf(token: string): Promise<{ playbook: { id: string; title: string; status: string } | null }> {
    const res = await h.api(token, '/api/placement');
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as { playbook: { id: string; title: string; status: string } | null };
  }

  function copyCourse() {
    copies += 1;
    return h.lms.copyCourse({ id: `course-pmw-copy-${copies}`, label: 'PMW-2', title: `Projectmatig werken, copy ${copies}` });
  }

  it('a genuine course copy gets a playbook of its own with the published design, and none of the students’ routes', async () => {
    const { link } = await deepLinkNewPlaybook('Projectmatig werken');
    const teacher = await launchAs('teacher', link);
    await designPublishablePlaybook(h, teacher);
    const publish = await write(h, teacher, 'POST', '/api/playbook/publish', (await readDesign(h, teacher)).revision);
    expect(publish.status, await publish.clone().text()).toBe(200);
    const original = await readDesign(h, teacher);
    const student = await launchAs('student', link);
    expect((await h.api(student, '/api/route')).status).toBe(200);

    const copyLink = copyCourse().get(link) ?? '';
    const copyTeacher = await launchAs('teacher', copyLink);
    const copied = await readDesign(h, copyTeacher);
    expect(copied.id).not.toBe(original.id);
    expect(copied).toMatchObject({ title: 'Projectmatig werken', status: 'draft' });
    expect(copied.activities.map((a) => a.title)).toEqual(original.activities.map((a) => a.title));
    expect(copied.outcomes.map((o) => o.title)).toEqual(original.outcomes.map((o) => o.title));

    const inCopy = (await (await h.api(copyTeacher, '/api/coach/students')).json()) as CoachStudents;
    expect(inCopy.playbook.id).toBe(copied.id);
    expect(inCopy.students.length).toBeGreaterThan(0);
    expect(inCopy.students.filter((s) => s.route !== null)).toEqual([]);
    const inOriginal = (await (await h.api(teacher, '/api/coach/students')).json()) as CoachStudents;
    expect(inOriginal.students.find((s) => s.id === h.lms.member('student').userId)?.route).not.toBeNull();
  });

  it('a copy of a course whose playbook is still a draft waits for a teacher of the original; its students never see the draft', async () => {
    const { link } = await deepLinkNewPlaybook('Nog in ontwerp');
    await launchAs('teacher', link);
    const copyLink = copyCourse().get(link) ?? '';
    expect(await placementOf(await launchAs('student', copyLink))).toEqual({ playbook: null });
    expect((await placementOf(await launchAs('teacher', copyLink))).playbook).toMatchObject({ title: 'Nog in ontwerp', status: 'draft' });
  });

  it('a bare playbook id typed on a link in another course does not open that course’s draft', async () => {
    const { link } = await deepLinkNewPlaybook('Concept met criteria');
    const draft = await placementOf(await launchAs('teacher', link));
    expect(draft.playbook?.status).toBe('draft');
    const stranger = await launchWithCustom({ contextId: 'course-of-a-stranger', link: 'link-of-a-stranger', sub: 'teacher-stranger', custom: { playbook_id: draft.playbook?.id ?? '' } });
    expect(await placementOf(stranger)).toEqual({ playbook: null });
    // Not through the design endpoint either: the link has no playbook, so a teacher there starts an empty one.
    const setUp = await h.api(stranger, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title: 'Eigen' }) });
    expect(((await setUp.json()) as { playbook: { title: string; outcomeCount: number } }).playbook).toMatchObject({ title: 'Eigen', outcomeCount: 0 });
  });

  it('a link’s parameters copied by hand into a course the LMS does not call a copy open nothing', async () => {
    const { link, token } = await deepLinkNewPlaybook('Gepubliceerd elders');
    const teacher = await launchAs('teacher', link);
    await designPublishablePlaybook(h, teacher);
    await write(h, teacher, 'POST', '/api/playbook/publish', (await readDesign(h, teacher)).revision);
    expect(token).not.toBe('');
    // Canvas fills $Context.id.history with "" for a course that is no copy.
    const pasted = await launchWithCustom({ contextId: 'course-not-a-copy', link: 'link-pasted', custom: { playroute_link: token, context_id_history: '' } });
    expect(await placementOf(pasted)).toEqual({ playbook: null });
    const elsewhere = await launchWithCustom({ contextId: 'course-copied-from-elsewhere', link: 'link-elsewhere', custom: { playroute_link: token, context_id_history: 'some-other-course' } });
    expect(await placementOf(elsewhere)).toEqual({ playbook: null });
  });

  it('a playbook of another school (another registered platform) is never served, whatever the link says', async () => {
    const theirs = await createPlaybookRepository(h.database.connection).create({
      placement: { platformId: 'platform-of-another-school', deploymentId: 'their-deployment', contextId: 'their-course', resourceLinkId: 'their-link' },
      playbook: { ...emptyPlaybook('Their playbook'), status: 'published' },
      outcomes: [],
    });
    await h.lti.records.saveLinkReference({
      token: 'their-token',
      platformId: 'platform-of-another-school',
      deploymentId: 'their-deployment',
      contextId: 'their-course',
      playbookId: theirs.playbook.id,
      createdAt: new Date(),
    });
    const forged = await launchWithCustom({
      contextId: 'course-here',
      link: 'link-here',
      custom: { playbook_id: theirs.playbook.id, playroute_link: 'their-token', context_id_history: 'their-course' },
    });
    expect(await placementOf(forged)).toEqual({ playbook: null });
  });
});
