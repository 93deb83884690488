import { afterEach, describe, expect, it } from 'vitest';
import type { LmsQuirks } from '../../server/demo-lms/quirks';
import { startGradesHarness, type GradesHarness } from './grades-harness';

const STUDENTS = ['u-student-daan', 'u-student-fleur', 'u-student-priya', 'u-student-oliver', 'u-student-noor'];
const OUTCOMES = ['lu-1', 'lu-2'];

describe.each<LmsQuirks>(['standard', 'canvas', 'moodle', 'brightspace'])('grade passback to a %s LMS', (quirks) => {
  let h: GradesHarness;
  afterEach(async () => h.stop());

  it('when a teacher grades a class on two outcomes, each student gets each score once, on a line item per outcome created once', async () => {
    h = await startGradesHarness({ quirks });
    h.grades.worker.start();
    for (const outcome of OUTCOMES) {
      for (const [i, userId] of STUDENTS.entries()) await h.grades.enqueueScore(h.grade({ outcome, userId, score: { scoreGiven: 5 + i, comment: `grade ${5 + i}` } }));
    }
    const deliveries = await h.drained();
    expect(deliveries.map((d) => d.state)).toEqual(Array(10).fill('sent'));

    const lineItems = h.lms.lineItems();
    expect(lineItems.map((item) => [item.resourceId, item.tag, item.label, item.scoreMaximum]).sort()).toEqual([
      ['lu-1', 'outcome', 'Outcome lu-1', 10],
      ['lu-2', 'outcome', 'Outcome lu-2', 10],
    ]);
    const accepted = h.acceptedScores();
    expect(accepted).toHaveLength(10);
    for (const score of accepted) {
      const item = lineItems.find((i) => i.id === score.lineItemId);
      const index = STUDENTS.indexOf(score.userId ?? '');
      expect(score.body).toMatchObject({ userId: STUDENTS[index], scoreGiven: 5 + index, scoreMaximum: 10, comment: `grade ${5 + index}`, gradingProgress: 'FullyGraded', activityProgress: 'Completed' });
      expect(score.headers['content-type']).toBe('application/vnd.ims.lis.v1.score+json');
      expect(item).toBeDefined();
    }
    // The gradebook keeps the grade (Moodle only when FullyGraded).
    for (const result of h.lms.results()) expect(result.resultScore).toBe(5 + STUDENTS.indexOf(result.userId));

    // A second run (a regrade, another process with an empty cache and a forgotten URL store) finds the line items again.
    await h.database.connection.collection('grade_line_items').deleteMany({});
    const other = await h.process();
    other.worker.start();
    for (const outcome of OUTCOMES) await other.enqueueScore(h.grade({ outcome, userId: 'u-student-daan', score: { scoreGiven: 9 } }));
    await h.drained();
    expect(h.lms.lineItems()).toHaveLength(2);
    expect(h.acceptedScores()).toHaveLength(12);
  });

  if (quirks === 'moodle') {
    it('the scores URL keeps Moodle\'s type_id query after /scores', async () => {
      h = await startGradesHarness({ quirks });
      h.grades.worker.start();
      await h.grades.enqueueScore(h.grade());
      await h.drained();
      const posts = h.lms.requestLog().filter((entry) => entry.method === 'POST' && entry.path.endsWith('/scores'));
      expect(posts).toHaveLength(1);
      expect(posts[0]?.query).toEqual({ type_id: '1' });
      expect(posts[0]?.status).toBe(200);
    });
  }
});
