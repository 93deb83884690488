// The diagnostic intake through real launches: the teacher adds it, students place themselves and submit, staff read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchInOtherCourse } from '../support/lti-harness';
import { startGradingHarness, type GradingHarness } from '../support/grading-seed';
import { calls, coachId, daan, fleur, INTAKE_DESIGN, priya, seedIntakePlacement, teacherId, type IntakeAnswer, type PointAnswer } from '../support/intake-class';
import { Role } from '../../server/lti/claims';

let g: GradingHarness;
let c: ReturnType<typeof calls>;
beforeAll(async () => {
  g = await startGradingHarness();
  c = calls(g);
});
afterAll(async () => {
  await g.close();
});

const point = (answer: IntakeAnswer, outcomeId: string, indicatorId?: string): PointAnswer | undefined =>
  answer.result?.points.find((p) => p.outcomeId === outcomeId && p.indicatorId === indicatorId);

describe('the teacher adds an intake to a playbook', () => {
  it('per outcome and chosen indicator, each on the levels of its rubric, with an optional diagnostic task', async () => {
    const placed = await seedIntakePlacement(g);
    const teacher = await placed.launch(teacherId);
    const design = await c.addIntake(teacher);
    expect(design).toMatchObject({
      version: 1,
      outcomes: [
        { outcomeId: 'lo-plan', targetRank: 2, indicators: [{ id: 'i-milestones', text: 'The plan has milestones' }], diagnosticTask: { prompt: 'Plan a small event in five steps.' } },
        { outcomeId: 'lo-pitch', targetRank: 3, levels: [{ rank: 1, label: 'Weak' }, { rank: 2, label: 'Fair' }, { rank: 3, label: 'Good' }, { rank: 4, label: 'Strong' }] },
      ],
    });
  });

  it('refuses a stale version (two teachers editing), an indicator the outcome does not have, a bad field, and a student', async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, student] = await Promise.all([placed.launch(teacherId), placed.launch(daan)]);
    await c.addIntake(teacher);
    expect((await c.refusal(await c.send(teacher, 'PUT', '/api/intake/design', { version: 0, ...INTAKE_DESIGN }), 409)).code).toBe('already_exists');
    await c.ok(await c.send(teacher, 'PUT', '/api/intake/design', { version: 1, outcomes: [{ outcomeId: 'lo-plan', indicatorIds: [] }] }));
    expect((await c.refusal(await c.send(teacher, 'PUT', '/api/intake/design', { version: 1, ...INTAKE_DESIGN }), 409)).code).toBe('version_conflict');
    const unknown = await c.refusal(await c.send(teacher, 'PUT', '/api/intake/design', { version: 2, outcomes: [{ outcomeId: 'lo-plan', indicatorIds: ['ghost'] }] }), 422);
    expect(unknown.details?.issues).toEqual([{ code: 'unknown_indicator', outcomeId: 'lo-plan', indicatorId: 'ghost' }]);
    expect((await c.refusal(await c.send(teacher, 'PUT', '/api/intake/design', { version: 2, outcomes: [{ indicatorIds: [] }] }), 400)).message).toMatch(/^outcomes\.0\.outcomeId:/);
    expect((await c.refusal(await c.send(student, 'PUT', '/api/intake/design', { version: 2, ...INTAKE_DESIGN }), 403)).code).toBe('not_authorised');
  });
});

describe('a student fills in the intake', () => {
  it('saves a draft, cannot submit it half done, submits it and sees where they stand next to where the outcome asks them to be', async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, student] = await Promise.all([placed.launch(teacherId), placed.launch(daan)]);
    expect((await c.refusal(await g.api(student, '/api/intake'), 404)).code).toBe('no_intake');
    await c.addIntake(teacher);

    const draft = await c.ok<IntakeAnswer>(await c.send(student, 'PUT', '/api/intake', { version: 0, placements: [{ outcomeId: 'lo-plan', rank: 1 }], profile: { when: 'evenings' } }));
    expect(draft.response).toMatchObject({ status: 'draft', version: 1 });
    expect(draft.result).toBeNull();
    const halfDone = await c.refusal(await c.send(student, 'POST', '/api/intake/submit', { version: 1 }), 422);
    expect(halfDone.details?.issues).toEqual([
      { code: 'placement_missing', point: 'lo-plan/i-milestones' },
      { code: 'placement_missing', point: 'lo-pitch' },
      { code: 'hours_missing' },
    ]);
    expect((await c.refusal(await c.send(student, 'PUT', '/api/intake', { version: 1, placements: [{ outcomeId: 'lo-pitch', rank: 5 }] }), 422)).details?.issues).toEqual([
      { code: 'rank_out_of_scale', point: 'lo-pitch', rank: 5, max: 4 },
    ]);

    const done = await c.ok<IntakeAnswer>(
      await c.send(student, 'PUT', '/api/intake', {
        version: 1,
        placements: [
          { outcomeId: 'lo-plan', rank: 1 },
          { outcomeId: 'lo-plan', indicatorId: 'i-milestones', rank: 2 },
          { outcomeId: 'lo-pitch', rank: 4 },
        ],
        diagnostics: [{ outcomeId: 'lo-plan', answer: 'Book a room first.' }],
        profile: { hoursPerWeek: 8, when: 'evenings', priorEducation: 'MBO 4 retail', workExperience: 'shop assistant', expectations: 'run a webshop', why: 'my own business' },
      }),
    );
    const submitted = await c.ok<IntakeAnswer>(await c.send(student, 'POST', '/api/intake/submit', { version: done.response?.version }));
    expect(submitted.response?.status).toBe('submitted');
    expect(point(submitted, 'lo-plan')).toMatchObject({ rank: 1, targetRank: 2, position: 'below', source: 'self' });
    expect(point(submitted, 'lo-plan', 'i-milestones')).toMatchObject({ rank: 2, position: 'at' });
    expect(point(submitted, 'lo-pitch')).toMatchObject({ rank: 4, targetRank: 3, position: 'above' });
    // The playbook is at self-direction level 2: the outcome is the goal, no personal goals are proposed.
    expect(submitted.result?.goals).toEqual({ open: false, proposed: [] });
    expect((await c.refusal(await c.send(student, 'PUT', '/api/intake', { version: 3, placements: [] }), 409)).code).toBe('intake_submitted');
    const reread = await c.ok<IntakeAnswer>(await g.api(student, '/api/intake'));
    expect(point(reread, 'lo-plan')?.rank).toBe(1);
  });

  it('two tabs: the older save is refused', async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, student] = await Promise.all([placed.launch(teacherId), placed.launch(daan)]);
    await c.addIntake(teacher);
    await c.ok(await c.send(student, 'PUT', '/api/intake', { version: 0, placements: [{ outcomeId: 'lo-plan', rank: 1 }] }));
    await c.ok(await c.send(student, 'PUT', '/api/intake', { version: 1, placements: [{ outcomeId: 'lo-plan', rank: 2 }] }));
    expect((await c.refusal(await c.send(student, 'PUT', '/api/intake', { version: 1, placements: [{ outcomeId: 'lo-plan', rank: 3 }] }), 409)).code).toBe('version_conflict');
    expect((await c.refusal(await c.send(student, 'PUT', '/api/intake', { version: 2, placements: 'lots' }), 400)).message).toMatch(/^placements:/);
  });

  it('at self-direction level 3 the intake proposes a goal for every point below the target', async () => {
    const placed = await seedIntakePlacement(g, 3);
    await c.addIntake(await placed.launch(teacherId));
    const submitted = await c.submitIntake(await placed.launch(fleur), { plan: 1, milestones: 2, pitch: 2 });
    expect(submitted.result?.goals).toEqual({
      open: true,
      proposed: [
        { outcomeId: 'lo-plan', fromRank: 1, toRank: 2 },
        { outcomeId: 'lo-pitch', fromRank: 2, toRank: 3 },
      ],
    });
  });
});

describe('coach and teacher read the intakes', () => {
  it('the coach sees only their own students, the teacher everyone; only the teacher reviews a task, and the review counts', async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, coach] = await Promise.all([placed.launch(teacherId), placed.launch(coachId)]);
    await c.addIntake(teacher);
    await c.submitIntake(await placed.launch(daan), { plan: 1, pitch: 3 });
    await c.submitIntake(await placed.launch(fleur), { plan: 3, pitch: 1 });

    type ListAnswer = { students: { student: { id: string; email: string | null }; intake: string; points: PointAnswer[] }[] };
    const coachList = await c.ok<ListAnswer>(await g.api(coach, '/api/intake/students'));
    expect(coachList.students.map((s) => s.student.id).sort()).toEqual([daan, priya]);
    expect(coachList.students.find((s) => s.student.id === daan)).toMatchObject({ intake: 'submitted', student: { email: null } });
    expect(coachList.students.find((s) => s.student.id === priya)?.intake).toBe('none');
    expect((await c.refusal(await g.api(coach, `/api/intake/students/${fleur}`), 404)).code).toBe('student_not_found');

    const teacherList = await c.ok<ListAnswer>(await g.api(teacher, '/api/intake/students'));
    expect(teacherList.students.map((s) => s.student.id)).toEqual(expect.arrayContaining([daan, fleur, priya]));
    const fleurs = await c.ok<{ response: { version: number; profile: { priorEducation: string } } }>(await g.api(teacher, `/api/intake/students/${fleur}`));
    expect(fleurs.response.profile.priorEducation).toBe('MBO 4');

    const path = `/api/intake/students/${fleur}/diagnostics/lo-plan/review`;
    expect((await c.refusal(await c.send(coach, 'POST', path, { version: fleurs.response.version, comment: 'ok' }), 403)).code).toBe('not_authorised');
    const reviewed = await c.ok<IntakeAnswer>(await c.send(teacher, 'POST', path, { version: fleurs.response.version, comment: 'Good steps, no budget.', rank: 1 }));
    expect(point(reviewed, 'lo-plan')).toMatchObject({ rank: 1, source: 'review', position: 'below' });
    expect((await c.refusal(await c.send(teacher, 'POST', path, { version: fleurs.response.version, comment: 'again' }), 409)).code).toBe('version_conflict');
    const seenByFleur = await c.ok<IntakeAnswer>(await g.api(await placed.launch(fleur), '/api/intake'));
    expect(seenByFleur.response?.diagnostics[0]?.review).toMatchObject({ comment: 'Good steps, no budget.', rank: 1 });
  });

  it("the class's starting position per outcome counts students per level, for the caller's scope", async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, coach] = await Promise.all([placed.launch(teacherId), placed.launch(coachId)]);
    await c.addIntake(teacher);
    await c.submitIntake(await placed.launch(daan), { plan: 1, pitch: 3 });
    await c.submitIntake(await placed.launch(fleur), { plan: 3, pitch: 1 });
    type StartAnswer = { students: number; submitted: number; points: { outcomeId: string; indicatorId?: string; counts: number[]; below: number; atOrAbove: number; unknown: number; title: string }[] };
    const all = await c.ok<StartAnswer>(await g.api(teacher, '/api/intake/class-start'));
    expect(all.submitted).toBe(2);
    expect(all.points.find((p) => p.outcomeId === 'lo-pitch' && !p.indicatorId)).toMatchObject({ title: 'Pitches an idea', counts: [1, 0, 1, 0], below: 1, atOrAbove: 1, unknown: all.students - 2 });
    const mine = await c.ok<StartAnswer>(await g.api(coach, '/api/intake/class-start'));
    expect(mine).toMatchObject({ students: 2, submitted: 1 });
    expect(mine.points.find((p) => p.outcomeId === 'lo-plan' && !p.indicatorId)?.counts).toEqual([1, 0, 0]);
  });

  it('a teacher of another course reaches nothing here: their session opens their own course, which has no such playbook', async () => {
    const placed = await seedIntakePlacement(g);
    await c.addIntake(await placed.launch(teacherId));
    await c.submitIntake(await placed.launch(daan), { plan: 1, pitch: 3 });
    const stranger = await launchInOtherCourse(g.h, 'course-elsewhere', [Role.instructor], 'teacher-elsewhere');
    expect((await c.refusal(await g.api(stranger, `/api/intake/students/${daan}`), 404)).code).toBe('no_playbook');
    expect((await c.refusal(await g.api(stranger, '/api/intake/class-start'), 404)).code).toBe('no_playbook');
  });
});

describe('a teacher reopens a submitted intake', () => {
  interface StaffAnswer extends IntakeAnswer {
    response: (NonNullable<IntakeAnswer['response']> & { history: { kind: string; by: string; at: string; reason: string | null }[] }) | null;
    can: { review: boolean; reopen: boolean };
  }

  it('the student made a mistake: the teacher reopens it with a reason, the student changes and submits it again, and the history keeps who and when', async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, student] = await Promise.all([placed.launch(teacherId), placed.launch(daan)]);
    await c.addIntake(teacher);
    await c.submitIntake(student, { plan: 3, pitch: 3 });
    const before = await c.ok<StaffAnswer>(await g.api(teacher, `/api/intake/students/${daan}`));
    expect(before.can).toEqual({ review: true, reopen: true });
    expect(before.response?.history.map((e) => [e.kind, e.by])).toEqual([['submitted', daan]]);

    const path = `/api/intake/students/${daan}/reopen`;
    const reopened = await c.ok<StaffAnswer>(await c.send(teacher, 'POST', path, { version: before.response?.version, reason: 'Plan placed at good by mistake' }));
    expect(reopened.response?.status).toBe('draft');
    expect(reopened.result).toBeNull();
    expect(reopened.response?.history.at(-1)).toMatchObject({ kind: 'reopened', by: teacherId, reason: 'Plan placed at good by mistake' });
    // A draft does not count for the class: the list shows the intake as open again.
    const list = await c.ok<{ students: { student: { id: string }; intake: string }[] }>(await g.api(teacher, '/api/intake/students'));
    expect(list.students.find((s) => s.student.id === daan)?.intake).toBe('draft');
    expect((await c.refusal(await c.send(teacher, 'POST', path, { version: reopened.response?.version }), 409)).code).toBe('intake_not_submitted');

    // The student sees it open again, with who reopened it and why, changes the plan and submits.
    const own = await c.ok<StaffAnswer>(await g.api(student, '/api/intake'));
    expect(own.response?.status).toBe('draft');
    expect(own.response?.history.at(-1)).toMatchObject({ kind: 'reopened', reason: 'Plan placed at good by mistake' });
    const fixed = await c.ok<IntakeAnswer>(
      await c.send(student, 'PUT', '/api/intake', {
        version: own.response?.version,
        placements: [
          { outcomeId: 'lo-plan', rank: 1 },
          { outcomeId: 'lo-plan', indicatorId: 'i-milestones', rank: 1 },
          { outcomeId: 'lo-pitch', rank: 3 },
        ],
        diagnostics: [{ outcomeId: 'lo-plan', answer: 'Book a room, invite, …' }],
        profile: { hoursPerWeek: 6 },
      }),
    );
    const again = await c.ok<StaffAnswer>(await c.send(student, 'POST', '/api/intake/submit', { version: fixed.response?.version }));
    expect(point(again, 'lo-plan')).toMatchObject({ rank: 1, position: 'below' });
    expect(again.response?.history.map((e) => [e.kind, e.by])).toEqual([
      ['submitted', daan],
      ['reopened', teacherId],
      ['submitted', daan],
    ]);
  });

  it('a student cannot reopen their own, nor a coach; a stale version is refused; a teacher of another course reaches nothing', async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, student, coach] = await Promise.all([placed.launch(teacherId), placed.launch(daan), placed.launch(coachId)]);
    await c.addIntake(teacher);
    const submitted = await c.submitIntake(student, { plan: 1, pitch: 3 });
    const version = submitted.response?.version;
    const path = `/api/intake/students/${daan}/reopen`;
    expect((await c.refusal(await c.send(student, 'POST', path, { version }), 403)).code).toBe('not_authorised');
    const asCoach = await c.ok<StaffAnswer>(await g.api(coach, `/api/intake/students/${daan}`));
    expect(asCoach.can).toEqual({ review: false, reopen: false });
    expect((await c.refusal(await c.send(coach, 'POST', path, { version }), 403)).code).toBe('not_authorised');
    const stranger = await launchInOtherCourse(g.h, 'course-elsewhere', [Role.instructor], 'teacher-elsewhere');
    expect((await c.refusal(await c.send(stranger, 'POST', path, { version }), 404)).code).toBe('no_playbook');
    expect((await c.refusal(await c.send(teacher, 'POST', path, { version: (version ?? 0) + 5 }), 409)).code).toBe('version_conflict');
    expect((await c.refusal(await c.send(teacher, 'POST', path, { reason: 'x' }), 400)).message).toMatch(/^version:/);
    expect((await c.ok<IntakeAnswer>(await g.api(student, '/api/intake'))).response?.status).toBe('submitted');
  });

  it("a review stays with an answer the student leaves as it was, and goes when they rewrite it", async () => {
    const placed = await seedIntakePlacement(g);
    const [teacher, student] = await Promise.all([placed.launch(teacherId), placed.launch(fleur)]);
    await c.addIntake(teacher);
    const submitted = await c.submitIntake(student, { plan: 3, pitch: 3 }, 'Two steps.');
    const reviewed = await c.ok<StaffAnswer>(await c.send(teacher, 'POST', `/api/intake/students/${fleur}/diagnostics/lo-plan/review`, { version: submitted.response?.version, comment: 'Too short', rank: 1 }));
    const reopened = await c.ok<StaffAnswer>(await c.send(teacher, 'POST', `/api/intake/students/${fleur}/reopen`, { version: reviewed.response?.version }));
    expect(reopened.response?.diagnostics[0]?.review).toMatchObject({ comment: 'Too short', rank: 1 });
    const body = (answer: string) => ({
      placements: [
        { outcomeId: 'lo-plan', rank: 3 },
        { outcomeId: 'lo-plan', indicatorId: 'i-milestones', rank: 3 },
        { outcomeId: 'lo-pitch', rank: 3 },
      ],
      diagnostics: [{ outcomeId: 'lo-plan', answer }],
      profile: { hoursPerWeek: 6 },
    });
    const same = await c.ok<IntakeAnswer>(await c.send(student, 'PUT', '/api/intake', { version: reopened.response?.version, ...body('Two steps.') }));
    expect(same.response?.diagnostics[0]?.review).toMatchObject({ comment: 'Too short' });
    const rewritten = await c.ok<IntakeAnswer>(await c.send(student, 'PUT', '/api/intake', { version: same.response?.version, ...body('Book, invite, script, run, evaluate.') }));
    expect(rewritten.response?.diagnostics[0]?.review).toBeNull();
  });
});
