// A teacher grades handed-in work against the rubric: the result, the grade on the scale, mastery across attempts, and what goes to the gradebook.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutcome, judgement, seedPlacement, startGradingHarness, type GradingHarness, type SeededPlacement } from '../support/grading-seed';

interface Grade {
  display: string;
  scoreGiven: number;
  scoreMaximum: number;
  passed: boolean;
}
interface GradedAttempt {
  id: string;
  status: string;
  passed?: boolean;
  assessment?: { result: { fraction: number; passed: boolean }; comment?: string };
}
interface Standing {
  outcomes: Array<{ outcomeId: string; mastery: { status: string; fraction?: number; passed?: boolean; countedAttemptIds?: string[] }; grade?: Grade }>;
  final: { status: string; missingOutcomeIds?: string[] };
  finalGrade?: Grade;
}

describe('grading against the rubric', () => {
  let g: GradingHarness;
  const studentId = () => g.h.lms.member('student').userId;
  beforeAll(async () => {
    g = await startGradingHarness();
  });
  afterAll(async () => {
    await g.close();
  });

  const post = (token: string, path: string, body?: unknown) => g.api(token, path, { method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });

  /** The student hands in a text for the outcome and gets back the attempt id. */
  async function handIn(seeded: SeededPlacement, token: string, outcomeId = 'lo-plan', selfAssessment?: unknown): Promise<string> {
    const res = await post(token, `/api/evidence/outcomes/${outcomeId}/items`, { kind: 'text', text: 'My project plan' });
    const { attempt } = (await res.json()) as { attempt: { id: string } };
    if (selfAssessment) await g.api(token, `/api/evidence/attempts/${attempt.id}/self-assessment`, { method: 'PUT', body: JSON.stringify(selfAssessment) });
    const submitted = await post(token, `/api/evidence/attempts/${attempt.id}/submit`);
    if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${await submitted.text()}`);
    return attempt.id;
  }

  async function grade(teacher: string, attemptId: string, body: unknown): Promise<GradedAttempt> {
    const res = await post(teacher, `/api/assessment/attempts/${attemptId}/grade`, body);
    if (res.status !== 200) throw new Error(`grading failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { attempt: GradedAttempt }).attempt;
  }

  it('when every criterion is exactly at its pass level, then the result is half the points and the grade exactly 5.5: a pass', async () => {
    const seeded = await seedPlacement(g);
    const student = await seeded.launch(studentId());
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const attemptId = await handIn(seeded, student);

    const graded = await grade(teacher, attemptId, judgement('sufficient', {}, 'A sound plan.'));
    expect(graded).toMatchObject({ status: 'graded', passed: true, assessment: { result: { fraction: 0.5, passed: true }, comment: 'A sound plan.' } });

    const mine = (await (await g.api(student, `/api/evidence/attempts/${attemptId}`)).json()) as {
      attempt: { status: string; feedback: { comment: string; grade: Grade; judgements: Array<{ comment?: string }> } };
    };
    expect(mine.attempt.status).toBe('graded');
    expect(mine.attempt.feedback).toMatchObject({ comment: 'A sound plan.', grade: { display: '5.5', scoreGiven: 5.5, passed: true } });
    expect(mine.attempt.feedback.judgements[0]?.comment).toBe('Analysis at sufficient');

    const published = g.publisher.outcomeResults.at(-1);
    expect(published).toMatchObject({
      playbookId: seeded.playbookId,
      outcomeId: 'lo-plan',
      studentSub: studentId(),
      attemptId,
      grade: { scoreGiven: 5.5, scoreMaximum: 10, passed: true },
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
    expect(published?.comment).toBe('5.5\nA sound plan.\n\nAnalysis: Sufficient — Analysis at sufficient\nDesign: Sufficient — Design at sufficient');
    // One outcome in the playbook, so its grade completes the final grade.
    expect(g.publisher.finalGrades.at(-1)).toMatchObject({ playbookId: seeded.playbookId, studentSub: studentId(), grade: { scoreGiven: 5.5 }, gradingProgress: 'FullyGraded' });
  });

  it('when one criterion is below its pass level, then non-compensatory scoring fails the outcome however good the rest is', async () => {
    const seeded = await seedPlacement(g);
    const attemptId = await handIn(seeded, await seeded.launch(studentId()));
    const graded = await grade(await seeded.launch(g.h.lms.member('teacher').userId), attemptId, judgement('good', { design: 'insufficient' }));
    // 2 of 4 points is half, yet a failed criterion keeps the grade below the pass mark: 5.4, not 5.5.
    expect(graded).toMatchObject({ passed: false, assessment: { result: { fraction: 0.5, passed: false } } });
    expect(g.publisher.outcomeResults.at(-1)?.grade).toMatchObject({ scoreGiven: 5.4, passed: false });
  });

  it('when the judgement skips a criterion or names a foreign level, then grading is refused with every problem listed', async () => {
    const seeded = await seedPlacement(g);
    const attemptId = await handIn(seeded, await seeded.launch(studentId()));
    const res = await post(await seeded.launch(g.h.lms.member('teacher').userId), `/api/assessment/attempts/${attemptId}/grade`, {
      judgements: [{ criterionId: 'analysis', levelId: 'excellent' }],
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { issues: unknown[] } } };
    expect(body.error.code).toBe('invalid_assessment');
    expect(body.error.details.issues).toEqual([
      { code: 'unknown_level', criterionId: 'analysis', levelId: 'excellent' },
      { code: 'criterion_not_judged', criterionId: 'design' },
    ]);
  });

  it('when a failed student hands in again, then it is a new attempt, history is kept, and mastery follows the configured method', async () => {
    const seeded = await seedPlacement(g);
    const student = await seeded.launch(studentId());
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const settings = await g.api(teacher, '/api/assessment/settings/outcomes/lo-plan', {
      method: 'PUT',
      body: JSON.stringify({
        scoringRule: { kind: 'non-compensatory' },
        scale: { kind: 'ten-point', mapping: { kind: 'linear' } },
        mastery: { kind: 'highest' },
        priorLearningFourEyes: false,
      }),
    });
    expect(settings.status).toBe(200);

    const first = await handIn(seeded, student);
    await grade(teacher, first, judgement('good'));
    const second = await handIn(seeded, student);
    expect(second).not.toBe(first);
    await grade(teacher, second, judgement('sufficient'));

    const attempts = (await (await g.api(student, '/api/evidence/attempts?outcomeId=lo-plan')).json()) as { attempts: Array<{ id: string; number: number }> };
    expect(attempts.attempts.map((a) => [a.id, a.number])).toEqual([
      [first, 1],
      [second, 2],
    ]);
    // Highest: the first, better attempt still counts (10.0), although the latest was a 5.5.
    const standing = (await (await g.api(student, '/api/evidence/standing')).json()) as Standing;
    expect(standing.outcomes[0]).toMatchObject({ mastery: { status: 'assessed', fraction: 1, countedAttemptIds: [first] }, grade: { scoreGiven: 10 } });
    expect(g.publisher.outcomeResults.at(-1)).toMatchObject({ attemptId: second, result: { fraction: 0.5 }, grade: { scoreGiven: 10 } });

    const detail = (await (await g.api(teacher, `/api/assessment/attempts/${second}`)).json()) as { history: Array<{ id: string }> };
    expect(detail.history.map((a) => a.id)).toEqual([first, second]);
  });

  it('by default the most recent attempt counts', async () => {
    const seeded = await seedPlacement(g);
    const student = await seeded.launch(studentId());
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    await grade(teacher, await handIn(seeded, student), judgement('good'));
    await grade(teacher, await handIn(seeded, student), judgement('sufficient'));
    const standing = (await (await g.api(student, '/api/evidence/standing')).json()) as Standing;
    expect(standing.outcomes[0]).toMatchObject({ mastery: { method: { kind: 'most-recent' }, fraction: 0.5 }, grade: { scoreGiven: 5.5 } });
  });

  it('when a playbook has two outcomes, then the final grade waits for both and combines them', async () => {
    const seeded = await seedPlacement(g, { outcomes: [buildOutcome(), buildOutcome({ id: 'lo-report', title: 'Reports on a project' })] });
    const student = await seeded.launch(studentId());
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const finalsBefore = g.publisher.finalGrades.length;
    await grade(teacher, await handIn(seeded, student, 'lo-plan'), judgement('good'));
    expect(g.publisher.finalGrades).toHaveLength(finalsBefore);
    let standing = (await (await g.api(student, '/api/evidence/standing')).json()) as Standing;
    expect(standing.final).toEqual({ status: 'incomplete', missingOutcomeIds: ['lo-report'], failedOutcomeIds: [] });

    await grade(teacher, await handIn(seeded, student, 'lo-report'), judgement('sufficient'));
    standing = (await (await g.api(student, '/api/evidence/standing')).json()) as Standing;
    // All must pass; fraction (1 + 0.5) / 2 = 0.75 → 1 + 9 · 0.75 = 7.75 → 7.8.
    expect(standing.final).toMatchObject({ status: 'graded', fraction: 0.75, passed: true });
    expect(standing.finalGrade).toMatchObject({ scoreGiven: 7.8 });
    expect(g.publisher.finalGrades.at(-1)).toMatchObject({ playbookId: seeded.playbookId, grade: { scoreGiven: 7.8 } });
  });

  it('when a level-3 student self-assessed, then the teacher sees their levels beside the judgement', async () => {
    const seeded = await seedPlacement(g, { level: 3 });
    const student = await seeded.launch(studentId());
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const attemptId = await handIn(seeded, student, 'lo-plan', judgement('good'));

    type Detail = { attempt: { id: string }; selfAssessment: Array<{ criterionId: string; studentLevelId?: string; teacherLevelId?: string; agreement: string }> };
    const before = (await (await g.api(teacher, `/api/assessment/attempts/${attemptId}`)).json()) as Detail;
    expect(before.selfAssessment).toEqual([
      expect.objectContaining({ criterionId: 'analysis', studentLevelId: 'good', agreement: 'incomplete' }),
      expect.objectContaining({ criterionId: 'design', studentLevelId: 'good', agreement: 'incomplete' }),
    ]);
    await grade(teacher, attemptId, judgement('good', { design: 'sufficient' }));
    const after = (await (await g.api(teacher, `/api/assessment/attempts/${attemptId}`)).json()) as Detail;
    expect(after.selfAssessment.map((c) => c.agreement)).toEqual(['same', 'student-higher']);
  });

  it('when an attempt is graded already, then grading it again is refused', async () => {
    const seeded = await seedPlacement(g);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const attemptId = await handIn(seeded, await seeded.launch(studentId()));
    await grade(teacher, attemptId, judgement('good'));
    const again = await post(teacher, `/api/assessment/attempts/${attemptId}/grade`, judgement('sufficient'));
    expect(again.status).toBe(409);
  });
});
