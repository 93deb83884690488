// Issue 9's story, in each LMS as it really is: only the roles that LMS sends (Moodle: Instructor and Learner), grades that
// must survive a later route change and a resubmission. Everything goes through the real API, a real launch per person,
// the real grade outbox and the simulated LMS's gradebook — which is what the teacher reads in the LMS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually';
import type { LmsQuirks } from '../../server/demo-lms/index';
import { decodeJwt } from 'jose';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import { buildOutcome, buildRubric, ONE_OF_EACH_TYPE, readDesign, write, type ActivityView, type OutcomeView } from '../support/teacher-api';

interface RouteAnswer {
  route: { status: string; version: number; entries: { activityId: string }[] };
}

function story(h: LtiHarness) {
  const launch = async (userId: string, link: string): Promise<string> => {
    const outcome = await h.browser().launch({ user: userId, placement: link });
    if (!outcome.sessionToken) throw new Error(`launch of ${userId} ended with ${outcome.status}`);
    return outcome.sessionToken;
  };
  const call = async <T>(token: string, method: string, path: string, body?: unknown, status = 200): Promise<T> => {
    const res = await h.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status);
    return (await res.json()) as T;
  };
  /** A design write at the revision the teacher just read, as the designer sends it. */
  const design = async <T>(teacher: string, method: string, path: string, body?: unknown): Promise<T> => {
    const { revision } = await readDesign(h, teacher);
    const res = await write(h, teacher, method, path, revision, body);
    expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  return { launch, call, design };
}

const MODES: LmsQuirks[] = ['moodle', 'canvas', 'brightspace'];

describe.each(MODES)('the whole story in %s, with only the roles it really sends', (quirks) => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness({ quirks, passback: true });
  });
  afterAll(async () => {
    await h.close();
  });

  it('design, publish, route, approval by a teacher, hand-in, grade — and after a route change and a resubmission the gradebook still holds the grade', async () => {
    const s = story(h);
    const teacherId = h.lms.member('teacher').userId;
    const studentId = h.lms.member('student').userId;
    const { resourceLinkId: link } = h.lms.addPlacement({ title: 'Projectmatig werken' });

    // The LMS sends the teacher as an Instructor and the student as a Learner, and no coach role to anybody.
    const teacher = await s.launch(teacherId, link);
    expect((decodeJwt(teacher) as { roles: string[] }).roles).toEqual(['teacher']);

    // Teacher designs and publishes, at a level where routes need approval.
    await s.call(teacher, 'POST', '/api/placement/playbook', { title: 'Projectmatig werken' }, 201);
    const { outcome } = await s.design<{ outcome: OutcomeView }>(teacher, 'POST', '/api/playbook/outcomes', buildOutcome());
    await s.design(teacher, 'PUT', `/api/playbook/outcomes/${outcome.id}/rubric`, buildRubric());
    await s.design(teacher, 'PATCH', '/api/playbook', { courseStartDate: '2026-09-01T08:00:00Z', selfDirectionLevel: 2 });
    await s.design(teacher, 'POST', `/api/playbook/outcomes/${outcome.id}/publish`);
    const activityIds: string[] = [];
    for (const body of ONE_OF_EACH_TYPE) activityIds.push((await s.design<{ activity: ActivityView }>(teacher, 'POST', '/api/playbook/activities', body)).activity.id);
    const extra = (await s.design<{ activity: ActivityView }>(teacher, 'POST', '/api/playbook/activities', { ...ONE_OF_EACH_TYPE[4], title: 'Intervisie' })).activity.id;
    await s.design(teacher, 'PUT', '/api/playbook/rules', { minPerType: { activation: 1, instruction: 1, application: 1, feedback: 1, reflection: 1 }, requiredEnvironments: ['workplace'] });
    await s.design(teacher, 'PUT', '/api/playbook/recommended-route', { activityIds });
    const day = 24 * 3600 * 1000;
    const window = { from: new Date(Date.now() - day).toISOString(), until: new Date(Date.now() + 30 * day).toISOString() };
    await s.design(teacher, 'PUT', '/api/playbook/assessment-windows', { windows: [window] });
    const published = await s.design<{ status: string }>(teacher, 'POST', '/api/playbook/publish');
    expect(published.status).toBe('published');

    // The student composes a route and submits it; a teacher (no coach role anywhere) approves it from the class view.
    const student = await s.launch(studentId, link);
    const opened = await s.call<RouteAnswer>(student, 'GET', '/api/route');
    const saved = await s.call<RouteAnswer>(student, 'PUT', '/api/route', { version: opened.route.version, entries: activityIds.map((activityId) => ({ activityId })) });
    const submitted = await s.call<RouteAnswer>(student, 'POST', '/api/route/submit', { version: saved.route.version });
    expect(submitted.route.status).toBe('submitted');
    const overview = await s.call<{ students: { id: string; routeStatus: string | null }[] }>(teacher, 'GET', '/api/class/overview');
    expect(overview.students.find((x) => x.id === studentId)?.routeStatus).toBe('submitted');
    const approved = await s.call<RouteAnswer>(teacher, 'POST', `/api/coach/routes/${studentId}/approve`, { version: submitted.route.version });
    expect(approved.route.status).toBe('approved');

    // The student hands in; the teacher grades it; the grade reaches the LMS's gradebook.
    const handIn = async (text: string): Promise<string> => {
      const added = await s.call<{ attempt: { id: string } }>(student, 'POST', `/api/evidence/outcomes/${outcome.id}/items`, { kind: 'text', text }, 201);
      await s.call(student, 'POST', `/api/evidence/attempts/${added.attempt.id}/submit`);
      return added.attempt.id;
    };
    const first = await handIn('Mijn projectplan');
    await s.call(teacher, 'POST', `/api/assessment/attempts/${first}/grade`, { judgements: [{ criterionId: 'plans', levelId: 'good', comment: 'Sterk plan' }], comment: 'Goed gedaan.' });
    const cell = () => {
      const items = h.lms.lineItems();
      return h.lms.results().find((r) => r.userId === studentId && items.some((i) => i.id === r.lineItemId));
    };
    const graded = await eventually(cell, (c) => typeof c?.resultScore === 'number', 20_000);
    expect(graded?.resultScore).toBeGreaterThan(0);
    const grade = graded?.resultScore;
    const scoresBefore = h.lms.scores().filter((x) => x.userId === studentId).length;

    // A second route change: the student swaps in another activity and submits again; the teacher approves again.
    const current = await s.call<RouteAnswer>(student, 'GET', '/api/route');
    const changed = await s.call<RouteAnswer>(student, 'PUT', '/api/route', { version: current.route.version, entries: [...activityIds, extra].map((activityId) => ({ activityId })) });
    const resubmitted = await s.call<RouteAnswer>(student, 'POST', '/api/route/submit', { version: changed.route.version });
    await s.call(teacher, 'POST', `/api/coach/routes/${studentId}/approve`, { version: resubmitted.route.version });
    // And a resubmission of the work.
    await handIn('Mijn herziene projectplan');

    // Once the outbox is quiet, the teacher's grade is what the LMS's gradebook holds, and Playroute's check agrees.
    await eventually(
      async () => (await s.call<{ deliveries: { state: string }[] }>(teacher, 'GET', '/api/grades/deliveries')).deliveries,
      (deliveries) => deliveries.length > 0 && deliveries.every((d) => d.state !== 'waiting' && d.state !== 'sending'),
      20_000,
    );
    expect(cell()?.resultScore).toBe(grade);
    // What the LMS heard after the grade (SCORE-RULE.md): Moodle keeps no progress, so nothing; the others the same grade
    // again, FullyGraded, carrying the new progress. The platform was registered by hand: its launches said what it is.
    const later = h.lms.scores().filter((x) => x.userId === studentId).slice(scoresBefore).map((x) => x.body as { scoreGiven?: number; gradingProgress?: string });
    if (quirks === 'moodle') expect(later).toEqual([]);
    else {
      expect(later.length).toBeGreaterThan(0);
      expect(later.every((body) => body.gradingProgress === 'FullyGraded' && typeof body.scoreGiven === 'number')).toBe(true);
    }
    const check = await s.call<{ rows: { userId: string; check: string }[] }>(teacher, 'GET', '/api/grades/gradebook');
    expect(check.rows.filter((r) => r.userId === studentId).map((r) => r.check)).toEqual(['agrees']);
  });
});
