// A teacher designs the playbook of a placed link through the API: outcomes, rubric, activities, rules, route, windows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLtiHarness, type LtiHarness } from '../support/lti-harness';
import {
  buildActivity,
  buildOutcome,
  buildRubric,
  errorOf,
  launchAs,
  launchInOtherCourse,
  placeNewPlaybook,
  readDesign,
  write,
  writeOk,
  type ActivityView,
  type OutcomeView,
} from '../support/teacher-api';

describe('designing the playbook of a placed link', () => {
  let h: LtiHarness;
  beforeAll(async () => {
    h = await startLtiHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('a teacher opens the design: the empty playbook with its revision, playcards for every type and an empty grid', async () => {
    const { teacher } = await placeNewPlaybook(h, 'Projectmatig werken');
    const res = await h.api(teacher, '/api/playbook');
    expect(res.status).toBe(200);
    const design = await readDesign(h, teacher);
    expect(res.headers.get('etag')).toBe(`"${design.revision}"`);
    expect(design).toMatchObject({ title: 'Projectmatig werken', status: 'draft', selfDirectionLevel: 2, outcomes: [], activities: [], courseStartDate: null });
    expect(design.playcards.cards.map((c) => c.type)).toEqual(['activation', 'instruction', 'application', 'feedback', 'reflection']);
    expect(design.playcards.cards[0]).toMatchObject({ titleKey: 'playcard.activation.title', tools: expect.arrayContaining(['self_test']) });
    expect(design.coverage.cells).toHaveLength(9);
  });

  it('a link without a playbook answers 404 no_playbook, also to a write', async () => {
    const { resourceLinkId } = h.lms.addPlacement({ title: 'Nothing here yet' });
    const teacher = await launchAs(h, 'teacher', resourceLinkId);
    const read = await h.api(teacher, '/api/playbook');
    expect(read.status).toBe(404);
    expect(await errorOf(read)).toMatchObject({ code: 'no_playbook', message: expect.stringMatching(/no playbook yet/) });
    expect((await write(h, teacher, 'POST', '/api/playbook/outcomes', 1, buildOutcome())).status).toBe(404);
  });

  it('a teacher writes a learning outcome with the Tuning parts and reads the statement they compose', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const draft = buildOutcome({ tuning: { verb: 'stelt op', subject: 'een projectplan' } });
    const { outcome, revision } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', '/api/playbook/outcomes', draft);
    expect(outcome.status).toBe('draft');
    expect(outcome.statement.missing).toEqual(['competence', 'standard', 'context']);
    expect(outcome.statement.sentence.key).toBe('outcome.statement_incomplete');
    expect(outcome.indicators[0]?.id).toEqual(expect.any(String));

    const complete = buildOutcome({ indicators: [{ id: outcome.indicators[0]?.id, text: 'Het plan heeft mijlpalen en een begroting' }] });
    const updated = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcome.id}`, revision, complete);
    expect(updated.status).toBe(200);
    const { outcome: after } = (await updated.json()) as { outcome: OutcomeView };
    expect(after.statement.sentence).toEqual({ key: 'outcome.statement', params: expect.objectContaining({ verb: 'stelt op', context: 'voor een opdrachtgever in de beroepspraktijk' }) });
    expect(after.indicators).toEqual([{ id: outcome.indicators[0]?.id, text: 'Het plan heeft mijlpalen en een begroting' }]);
    expect(after.publishProblems).toEqual(['outcome.missing_criteria']);

    const design = await readDesign(h, teacher);
    expect(design.outcomes.map((o) => o.title)).toEqual(['Projectplan']);
    expect(design.revision).toBe(revision + 1);
  });

  it('a teacher sets the rubric; a rubric that does not hang together is refused naming the field, and nothing is written', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { outcome } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome());
    const { outcome: withRubric } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'PUT', `/api/playbook/outcomes/${outcome.id}/rubric`, buildRubric());
    expect(withRubric.rubric.criteria).toEqual([expect.objectContaining({ id: 'plans', weight: 1, passLevelId: 'sufficient' })]);

    const before = await readDesign(h, teacher);
    const criterion = (changes: Record<string, unknown>) => ({ criteria: [{ ...buildRubric().criteria[0], ...changes }] });
    const refused: [unknown, string][] = [
      [criterion({ passLevelId: 'excellent' }), "criteria.0.passLevelId: is not one of this criterion's levels"],
      [criterion({ levels: [{ id: 'a', label: 'a', points: 2 }, { id: 'b', label: 'b', points: 1 }] }), 'criteria.0.levels.1.points: must be more than the level before (levels go from lowest to highest)'],
      [criterion({ levels: [{ id: 'a', label: 'a', points: 0 }, { id: 'a', label: 'b', points: 1 }], passLevelId: 'a' }), 'criteria.0.levels.1.id: is used twice'],
      [criterion({ levels: [{ id: 'a', label: 'a' }] , passLevelId: 'a' }), 'criteria.0.levels.0.points: Invalid input: expected number, received undefined'],
      [{ criteria: [buildRubric().criteria[0], buildRubric().criteria[0]] }, 'criteria.1.id: is used twice'],
    ];
    for (const [rubric, message] of refused) {
      const res = await write(h, teacher, 'PUT', `/api/playbook/outcomes/${outcome.id}/rubric`, before.revision, rubric);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: 'validation_failed', message });
    }
    expect(await readDesign(h, teacher)).toEqual(before);
  });

  it('a teacher deletes an outcome; an outcome id the playbook does not have is 404', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { outcome } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome());
    await writeOk(h, teacher, 'DELETE', `/api/playbook/outcomes/${outcome.id}`);
    expect((await readDesign(h, teacher)).outcomes).toEqual([]);
    const { revision } = await readDesign(h, teacher);
    expect((await write(h, teacher, 'DELETE', `/api/playbook/outcomes/${outcome.id}`, revision)).status).toBe(404);
  });

  it('a teacher fills the grid: a synchronous session, an activity that needs another, and the grid counts them', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { activity: lecture } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity({
      title: 'Hoorcollege',
      environment: 'campus',
      schedule: { kind: 'synchronous', sessions: [{ startsAt: '2030-09-08T09:00:00Z', endsAt: '2030-09-08T11:00:00Z', place: 'Zaal 2.14', capacity: 80 }] },
    }));
    expect(lecture.schedule.sessions?.[0]).toMatchObject({ id: expect.any(String), place: 'Zaal 2.14', capacity: 80, startsAt: '2030-09-08T09:00:00.000Z' });
    const { activity: practice } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity({
      title: 'Praktijkopdracht', environment: 'workplace', form: 'self-study', type: 'application', prerequisiteIds: [lecture.id],
    }));
    expect(practice.prerequisiteIds).toEqual([lecture.id]);

    const design = await readDesign(h, teacher);
    expect(design.coverage.count).toBe(2);
    expect(design.coverage.cells.find((c) => c.environment === 'campus' && c.form === 'expert')?.count).toBe(1);

    const moved = await writeOk<{ activity: ActivityView }>(h, teacher, 'PUT', `/api/playbook/activities/${lecture.id}`, buildActivity({
      title: 'Hoorcollege (verplaatst)', environment: 'campus',
      schedule: { kind: 'synchronous', sessions: [{ id: lecture.schedule.sessions?.[0]?.id, startsAt: '2030-09-09T09:00:00Z', place: 'Aula', capacity: 120 }] },
    }));
    expect(moved.activity.schedule.sessions?.[0]?.id).toBe(lecture.schedule.sessions?.[0]?.id);
  });

  it('prerequisites must exist and may not go round in a circle; bad cells and links are refused; nothing is written', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { activity: a } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity({ title: 'A' }));
    const { activity: b } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity({ title: 'B', prerequisiteIds: [a.id] }));
    const before = await readDesign(h, teacher);
    const refusals: [string, string, unknown, RegExp][] = [
      ['POST', '/api/playbook/activities', buildActivity({ prerequisiteIds: ['nope'] }), /^prerequisiteIds\.0: there is no activity nope/],
      ['PUT', `/api/playbook/activities/${a.id}`, buildActivity({ title: 'A', prerequisiteIds: [b.id] }), /^prerequisiteIds: these prerequisites go round in a circle/],
      ['PUT', `/api/playbook/activities/${a.id}`, buildActivity({ title: 'A', prerequisiteIds: [a.id] }), /^prerequisiteIds\.0: an activity cannot be its own prerequisite/],
      ['POST', '/api/playbook/activities', buildActivity({ environment: 'moon' }), /^environment: /],
      ['POST', '/api/playbook/activities', buildActivity({ studyLoadHours: -1 }), /^studyLoadHours: must not be negative/],
      ['POST', '/api/playbook/activities', buildActivity({ links: [{ title: 'x', url: 'javascript:alert(1)' }] }), /^links\.0\.url: must be an http\(s\) address/],
      ['POST', '/api/playbook/activities', buildActivity({ schedule: { kind: 'synchronous', sessions: [{ startsAt: '2030-09-08T09:00:00Z', place: 'x', capacity: 0 }] } }), /^schedule\.sessions\.0\.capacity: must be at least 1/],
      ['POST', '/api/playbook/activities', buildActivity({ title: '' }), /^title: must not be empty/],
    ];
    for (const [method, path, body, message] of refusals) {
      const res = await write(h, teacher, method, path, before.revision, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect((await errorOf(res)).message).toMatch(message);
    }
    expect(await readDesign(h, teacher)).toEqual(before);
  });

  it('deleting an activity takes it out of the recommended route, the required activities and the prerequisites, and says so', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { activity: intro } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity({ title: 'Intro', type: 'activation' }));
    const { activity: practice } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity({ title: 'Oefenen', type: 'application', prerequisiteIds: [intro.id] }));
    await writeOk(h, teacher, 'PUT', '/api/playbook/recommended-route', { activityIds: [intro.id, practice.id] });
    await writeOk(h, teacher, 'PUT', '/api/playbook/rules', { requiredActivityIds: [intro.id] });

    const { detached } = await writeOk<{ detached: unknown }>(h, teacher, 'DELETE', `/api/playbook/activities/${intro.id}`);
    expect(detached).toEqual({ recommendedRoute: true, requiredActivities: true, prerequisiteOf: [practice.id] });
    const design = await readDesign(h, teacher);
    expect(design.activities.map((a) => a.id)).toEqual([practice.id]);
    expect(design.activities[0]?.prerequisiteIds).toEqual([]);
    expect(design.recommendedRoute).toEqual([practice.id]);
    expect(design.rules.requiredActivityIds).toEqual([]);
  });

  it('a teacher sets the frame: title, level, course start, rules, recommended route and windows', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { activity } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity());
    await writeOk(h, teacher, 'PATCH', '/api/playbook', { title: 'PMW 2', description: 'Blok 2', selfDirectionLevel: 3, courseStartDate: '2030-09-01T08:00:00+02:00' });
    const rules = await writeOk<{ rules: unknown }>(h, teacher, 'PUT', '/api/playbook/rules', {
      minPerType: { reflection: 1 }, minStudyLoadHours: 4, maxStudyLoadHours: 40, requiredActivityIds: [activity.id], requiredEnvironments: ['workplace'],
    });
    expect(rules.rules).toEqual({ minPerType: { reflection: 1 }, minStudyLoadHours: 4, maxStudyLoadHours: 40, requiredActivityIds: [activity.id], requiredEnvironments: ['workplace'] });
    const route = await writeOk<{ check: { ok: boolean; violations: { key: string }[] } }>(h, teacher, 'PUT', '/api/playbook/recommended-route', { activityIds: [activity.id] });
    expect(route.check.violations.map((v) => v.key)).toEqual(['route.rule.missing_activity_type', 'route.rule.missing_environment', 'route.rule.study_load_below_minimum']);
    await writeOk(h, teacher, 'PUT', '/api/playbook/assessment-windows', { windows: [{ from: '2030-10-20T08:00:00Z', until: '2030-10-31T17:00:00Z' }] });

    const design = await readDesign(h, teacher);
    expect(design).toMatchObject({ title: 'PMW 2', description: 'Blok 2', selfDirectionLevel: 3, courseStartDate: '2030-09-01T06:00:00.000Z', recommendedRoute: [activity.id] });
    expect(design.assessmentWindows).toEqual([{ id: expect.any(String), from: '2030-10-20T08:00:00.000Z', until: '2030-10-31T17:00:00.000Z' }]);
    await writeOk(h, teacher, 'PATCH', '/api/playbook', { courseStartDate: null });
    expect((await readDesign(h, teacher)).courseStartDate).toBeNull();
  });

  it('a frame that does not add up is refused naming the field, and nothing is written', async () => {
    const { teacher } = await placeNewPlaybook(h);
    await writeOk(h, teacher, 'POST', '/api/playbook/activities', buildActivity());
    const before = await readDesign(h, teacher);
    const refusals: [string, string, unknown, string][] = [
      ['PATCH', '/api/playbook', { selfDirectionLevel: 5 }, 'selfDirectionLevel: must be 1, 2, 3 or 4'],
      ['PATCH', '/api/playbook', {}, 'body: give at least one of title, description, selfDirectionLevel, courseStartDate'],
      ['PATCH', '/api/playbook', { courseStartDate: '1 september' }, 'courseStartDate: must be an ISO 8601 date-time with a zone'],
      ['PUT', '/api/playbook/rules', { minStudyLoadHours: 20, maxStudyLoadHours: 10 }, 'maxStudyLoadHours: must not be below minStudyLoadHours'],
      ['PUT', '/api/playbook/rules', { requiredActivityIds: ['ghost'] }, 'requiredActivityIds.0: there is no activity ghost in this playbook'],
      ['PUT', '/api/playbook/recommended-route', { activityIds: ['ghost'] }, 'activityIds.0: there is no activity ghost in this playbook'],
      ['PUT', '/api/playbook/recommended-route', { activityIds: [before.activities[0]?.id, before.activities[0]?.id] }, 'activityIds.1: is in the route twice'],
      ['PUT', '/api/playbook/assessment-windows', { windows: [{ from: '2030-10-31T08:00:00Z', until: '2030-10-20T08:00:00Z' }] }, 'windows.0.until: must be after from'],
    ];
    for (const [method, path, body, message] of refusals) {
      const res = await write(h, teacher, method, path, before.revision, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect((await errorOf(res)).message).toBe(message);
    }
    expect(await readDesign(h, teacher)).toEqual(before);
  });

  it('when a teacher saves from two tabs, the older save is refused with the current revision and the newer design stays', async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { revision: read } = await readDesign(h, teacher);
    const first = await write(h, teacher, 'PATCH', '/api/playbook', read, { title: 'Newer, from tab one' });
    expect(first.status).toBe(200);
    const stale = await write(h, teacher, 'PATCH', '/api/playbook', read, { title: 'Older, from tab two' });
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'version_conflict', details: { expected: read, currentRevision: read + 1 } });
    expect((await readDesign(h, teacher)).title).toBe('Newer, from tab one');

    const unsure = await h.api(teacher, '/api/playbook', { method: 'PATCH', body: JSON.stringify({ title: 'No revision' }) });
    expect(unsure.status).toBe(400);
    expect((await errorOf(unsure)).message).toMatch(/^If-Match: required/);
  });

  it('students and coaches can neither read the design nor change anything: 403, and the playbook stays as it was', async () => {
    const { teacher, student, coach } = await placeNewPlaybook(h);
    const { outcome } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome());
    const { activity } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity());
    const before = await readDesign(h, teacher);
    const requests: [string, string, unknown?][] = [
      ['GET', '/api/playbook'],
      ['GET', '/api/playbook/quality'],
      ['GET', '/api/playbook/export'],
      ['PATCH', '/api/playbook', { title: 'Mine now' }],
      ['POST', '/api/playbook/outcomes', buildOutcome()],
      ['PUT', `/api/playbook/outcomes/${outcome.id}`, buildOutcome()],
      ['PUT', `/api/playbook/outcomes/${outcome.id}/rubric`, buildRubric()],
      ['POST', `/api/playbook/outcomes/${outcome.id}/publish`],
      ['DELETE', `/api/playbook/outcomes/${outcome.id}`],
      ['POST', '/api/playbook/activities', buildActivity()],
      ['PUT', `/api/playbook/activities/${activity.id}`, buildActivity()],
      ['DELETE', `/api/playbook/activities/${activity.id}`],
      ['PUT', '/api/playbook/rules', {}],
      ['PUT', '/api/playbook/recommended-route', { activityIds: [] }],
      ['PUT', '/api/playbook/assessment-windows', { windows: [] }],
      ['POST', '/api/playbook/publish'],
      ['POST', '/api/playbook/import', {}],
    ];
    for (const token of [student, coach]) {
      for (const [method, path, body] of requests) {
        const res = await write(h, token, method, path, before.revision, body);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    }
    expect(await readDesign(h, teacher)).toEqual(before);
  });

  it("a teacher of another course reaches only their own playbook: this course's ids are 404 there and change nothing here", async () => {
    const { teacher } = await placeNewPlaybook(h);
    const { outcome } = await writeOk<{ outcome: OutcomeView }>(h, teacher, 'POST', '/api/playbook/outcomes', buildOutcome());
    const { activity } = await writeOk<{ activity: ActivityView }>(h, teacher, 'POST', '/api/playbook/activities', buildActivity());
    const ours = await readDesign(h, teacher);

    const stranger = await launchInOtherCourse(h, 'course-elsewhere');
    await h.api(stranger, '/api/placement/playbook', { method: 'POST', body: JSON.stringify({ title: 'Their own' }) });
    const theirs = await readDesign(h, stranger);
    expect(theirs.id).not.toBe(ours.id);
    expect(theirs.title).toBe('Their own');

    const attempts: [string, string, unknown?][] = [
      ['PUT', `/api/playbook/outcomes/${outcome.id}`, buildOutcome({ title: 'Hijacked' })],
      ['PUT', `/api/playbook/outcomes/${outcome.id}/rubric`, buildRubric()],
      ['DELETE', `/api/playbook/outcomes/${outcome.id}`],
      ['PUT', `/api/playbook/activities/${activity.id}`, buildActivity({ title: 'Hijacked' })],
      ['DELETE', `/api/playbook/activities/${activity.id}`],
      ['PUT', `/api/playbook/activities/${ours.id}`, buildActivity()],
    ];
    for (const [method, path, body] of attempts) {
      const res = await write(h, stranger, method, path, theirs.revision, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const refused = await write(h, stranger, 'PUT', '/api/playbook/recommended-route', theirs.revision, { activityIds: [activity.id] });
    expect(refused.status).toBe(400);
    expect(await readDesign(h, teacher)).toEqual(ours);
    expect(await readDesign(h, stranger)).toEqual(theirs);
  });
});
