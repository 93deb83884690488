// Issue 9: once a teacher's grade is in the LMS gradebook, a route approval or a new hand-in must not empty it — in Moodle, Canvas and Brightspace alike.
import { afterEach, describe, expect, it } from 'vitest';
import type { LmsQuirks } from '../../server/demo-lms/quirks';
import { DEPLOYMENT_ID } from '../support/lti-harness';
import { startGradesHarness, type GradesHarness } from './grades-harness';

let h: GradesHarness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** What a teacher would read in the LMS's own gradebook for this student. */
function gradebookCell(harness: GradesHarness, userId: string) {
  return harness.lms.results().find((result) => result.userId === userId);
}

describe('a grade in the LMS gradebook stays until a teacher changes it', () => {
  for (const quirks of ['moodle', 'canvas', 'brightspace'] as const satisfies readonly LmsQuirks[]) {
    it(`${quirks}: after the teacher's 10, a route re-approval and a new hand-in leave the 10 in the gradebook`, async () => {
      h = await startGradesHarness({ quirks });
      h.grades.worker.start();
      const student = 'u-student-daan';
      await h.grades.enqueueScore(h.grade({ userId: student, score: { scoreGiven: 10, scoreMaximum: 10, comment: '10.0 · passed' } }));
      await h.drained();
      expect(gradebookCell(h, student)).toMatchObject({ resultScore: 10 });

      await h.grades.enqueueScore(h.grade({ userId: student, score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Started', gradingProgress: 'NotReady' } }));
      await h.drained();
      await h.grades.enqueueScore(h.grade({ userId: student, score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Submitted', gradingProgress: 'PendingManual' } }));
      await h.drained();

      expect(gradebookCell(h, student)).toMatchObject({ resultScore: 10, comment: '10.0 · passed' });
      // No score that would empty the cell ever went out.
      const progressOnly = h.acceptedScores().filter((score) => (score.body as { scoreGiven?: number }).scoreGiven === undefined);
      expect(progressOnly).toEqual([]);
      // Moodle keeps no activity progress, so it hears nothing more; the others get the grade again with the new progress.
      expect(h.acceptedScores()).toHaveLength(quirks === 'moodle' ? 1 : 3);
    });
  }

  it('canvas: the new progress still reaches the LMS, carried by the same grade', async () => {
    h = await startGradesHarness({ quirks: 'canvas' });
    h.grades.worker.start();
    await h.grades.enqueueScore(h.grade({ score: { scoreGiven: 5.5, scoreMaximum: 10 } }));
    await h.drained();
    await h.grades.enqueueScore(h.grade({ score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Submitted', gradingProgress: 'PendingManual' } }));
    await h.drained();
    expect(gradebookCell(h, 'u-student-daan')).toMatchObject({ resultScore: 5.5, activityProgress: 'Submitted', gradingProgress: 'FullyGraded' });
  });

  it('before any grade, progress goes out as progress', async () => {
    h = await startGradesHarness({ quirks: 'moodle' });
    h.grades.worker.start();
    await h.grades.enqueueScore(h.grade({ score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Started', gradingProgress: 'NotReady' } }));
    await h.drained();
    expect(h.acceptedScores().map((score) => score.body)).toEqual([expect.objectContaining({ activityProgress: 'Started', gradingProgress: 'NotReady' })]);
  });

  it('a progress event never replaces a grade still waiting in the outbox', async () => {
    h = await startGradesHarness({ quirks: 'brightspace' });
    // The worker is not running yet: both wait in the outbox together.
    await h.grades.outbox.enqueue(h.grade({ score: { scoreGiven: 8, scoreMaximum: 10 } }));
    await h.grades.outbox.enqueue(h.grade({ score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Started', gradingProgress: 'NotReady' } }));
    h.grades.worker.start();
    await h.drained();
    expect(gradebookCell(h, 'u-student-daan')).toMatchObject({ resultScore: 8 });
  });

  it('a progress score that slipped into the outbox while a grade went out is not sent after it', async () => {
    h = await startGradesHarness({ quirks: 'canvas' });
    h.grades.worker.start();
    await h.grades.enqueueScore(h.grade({ score: { scoreGiven: 7, scoreMaximum: 10 } }));
    await h.drained();
    // Queued straight into the outbox, as a progress event racing the grade would be.
    const raced = await h.grades.outbox.enqueue(h.grade({ score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Started', gradingProgress: 'NotReady' } }));
    await h.drained();
    expect(gradebookCell(h, 'u-student-daan')).toMatchObject({ resultScore: 7 });
    expect(await h.grades.outbox.get(raced.id)).toMatchObject({ state: 'superseded' });
  });
});

describe('the gradebook check where Moodle cannot tell a 0 from nothing', () => {
  it('a 0 in Moodle reads back like an empty grade: the check says it cannot tell rather than "differs"', async () => {
    h = await startGradesHarness({ quirks: 'moodle' });
    h.grades.worker.start();
    await h.grades.enqueueScore(h.grade({ score: { scoreGiven: 0, scoreMaximum: 10, comment: '0' } }));
    await h.drained();
    const scope = { platformId: h.platform.id, deploymentId: DEPLOYMENT_ID, contextId: h.lms.course.id };
    const [row] = await h.grades.gradebook({ scope });
    expect(row).toMatchObject({ believed: { scoreGiven: 0, scoreMaximum: 10 }, check: 'unchecked' });
    expect(row?.reason).toMatch(/0 and an empty grade alike/);
    // A 7 it does read back.
    await h.grades.enqueueScore(h.grade({ score: { scoreGiven: 7, scoreMaximum: 10 } }));
    await h.drained();
    expect((await h.grades.gradebook({ scope }))[0]).toMatchObject({ believed: { scoreGiven: 7 }, lms: { resultScore: 7 }, check: 'agrees' });
  });
});
