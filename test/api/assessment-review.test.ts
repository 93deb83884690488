// The teacher's grading queue, and the four-eyes rule on prior-learning claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOutcome, enrol, judgement, seedPlacement, startGradingHarness, type GradingHarness, type SeededPlacement } from '../support/grading-seed';

interface QueueBody {
  items: Array<{ evidenceId: string; studentId: string; outcomeId: string; waitingMs: number; waitingDays: number; attemptNumber: number; status: string; priorLearning: boolean }>;
  perOutcome: Array<{ outcomeId: string; title: string; count: number; longestWaitingMs: number }>;
}
interface AttemptBody {
  attempt: { id: string; status: string; passed?: boolean };
}

const DAY = 24 * 60 * 60 * 1000;

describe('reviewing handed-in work', () => {
  let g: GradingHarness;
  beforeAll(async () => {
    g = await startGradingHarness();
  });
  afterAll(async () => {
    await g.close();
  });

  const post = (token: string, path: string, body?: unknown) => g.api(token, path, { method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });

  async function handIn(seeded: SeededPlacement, userId: string, outcomeId: string, evidence: unknown[] = [{ kind: 'text', text: 'Work' }]): Promise<string> {
    const token = await seeded.launch(userId);
    let id = '';
    for (const item of evidence) {
      const res = await post(token, `/api/evidence/outcomes/${outcomeId}/items`, item);
      id = ((await res.json()) as AttemptBody).attempt.id;
    }
    expect((await post(token, `/api/evidence/attempts/${id}/submit`)).status).toBe(200);
    return id;
  }

  it('when work waits, then the queue lists it oldest first with how long it waited, and filters by outcome', async () => {
    const seeded = await seedPlacement(g, { outcomes: [buildOutcome(), buildOutcome({ id: 'lo-report', title: 'Reports on a project' })] });
    const old = await handIn(seeded, 'u-student-fleur', 'lo-plan');
    const recent = await handIn(seeded, 'u-student-priya', 'lo-report');
    const graded = await handIn(seeded, 'u-student-noor', 'lo-plan');
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    await post(teacher, `/api/assessment/attempts/${graded}/grade`, judgement('good'));
    // Fleur handed in three days ago.
    await g.h.database.connection.db?.collection('evidence_attempts').updateOne({ _id: old as never }, { $set: { submittedAt: new Date(Date.now() - 3 * DAY - 60_000) } });

    const all = (await (await g.api(teacher, '/api/assessment/queue')).json()) as QueueBody;
    expect(all.items.map((i) => [i.evidenceId, i.studentId, i.waitingDays])).toEqual([
      [old, 'u-student-fleur', 3],
      [recent, 'u-student-priya', 0],
    ]);
    expect(all.items[0]).toMatchObject({ outcomeId: 'lo-plan', attemptNumber: 1, status: 'submitted', priorLearning: false });
    expect(all.items[0]?.waitingMs).toBeGreaterThan(3 * DAY);
    expect(all.perOutcome.map((o) => [o.outcomeId, o.title, o.count])).toEqual([
      ['lo-plan', 'Plans a project', 1],
      ['lo-report', 'Reports on a project', 1],
    ]);

    const reports = (await (await g.api(teacher, '/api/assessment/queue?outcomeId=lo-report')).json()) as QueueBody;
    expect(reports.items.map((i) => i.evidenceId)).toEqual([recent]);
  });

  describe('four-eyes on prior learning', () => {
    const claim = [
      { kind: 'prior-learning', claim: 'prior_learning', description: 'PRINCE2 Foundation certificate' },
      { kind: 'link', url: 'https://certificates.example.com/123' },
    ];
    let seeded: SeededPlacement;
    let first: string;
    let second: string;

    beforeAll(async () => {
      enrol(g, 'u-teacher-joost', 'teacher');
      seeded = await seedPlacement(g);
      first = await seeded.launch(g.h.lms.member('teacher').userId);
      second = await seeded.launch('u-teacher-joost');
      const put = await g.api(first, '/api/assessment/settings/outcomes/lo-plan', {
        method: 'PUT',
        body: JSON.stringify({ scoringRule: { kind: 'non-compensatory' }, scale: { kind: 'ten-point', mapping: { kind: 'linear' } }, mastery: { kind: 'most-recent' }, priorLearningFourEyes: true }),
      });
      expect(put.status).toBe(200);
    });

    it('when the first assessor grades a claim, then it waits for a second; the same assessor again is refused; a second who agrees makes it final', async () => {
      const attemptId = await handIn(seeded, 'u-student-oliver', 'lo-plan', claim);
      const graded = await post(first, `/api/assessment/attempts/${attemptId}/grade`, judgement('good'));
      expect(((await graded.json()) as AttemptBody).attempt.status).toBe('awaiting-second-assessor');
      expect(g.publisher.progress.at(-1)).toMatchObject({ attemptId, gradingProgress: 'Pending' });
      const resultsBefore = g.publisher.outcomeResults.length;

      const student = await seeded.launch('u-student-oliver');
      const mine = (await (await g.api(student, `/api/evidence/attempts/${attemptId}`)).json()) as { attempt: { status: string; feedback: unknown } };
      expect(mine.attempt).toMatchObject({ status: 'submitted', feedback: null });

      const queue = (await (await g.api(second, '/api/assessment/queue')).json()) as QueueBody;
      expect(queue.items.find((i) => i.evidenceId === attemptId)).toMatchObject({ status: 'awaiting-second-assessor', priorLearning: true });

      const twice = await post(first, `/api/assessment/attempts/${attemptId}/decisions`, { verdict: 'pass' });
      expect(twice.status).toBe(409);
      expect(((await twice.json()) as { error: { code: string } }).error.code).toBe('same_assessor_twice');
      expect(g.publisher.outcomeResults).toHaveLength(resultsBefore);

      const agreed = await post(second, `/api/assessment/attempts/${attemptId}/decisions`, { verdict: 'pass', comment: 'Certificate checked.' });
      expect(((await agreed.json()) as AttemptBody).attempt).toMatchObject({ status: 'graded', passed: true });
      expect(g.publisher.outcomeResults.at(-1)).toMatchObject({ attemptId, grade: { scoreGiven: 10, passed: true }, gradingProgress: 'FullyGraded' });

      const detail = (await (await g.api(first, `/api/assessment/attempts/${attemptId}`)).json()) as {
        fourEyes: { state: string; assessorIds: string[] };
        attempt: { fourEyes: { decisions: Array<{ assessorId: string; verdict: string; comment?: string }> } };
      };
      expect(detail.fourEyes).toEqual({ state: 'final', verdict: 'pass', assessorIds: ['u-teacher-marieke', 'u-teacher-joost'] });
      expect(detail.attempt.fourEyes.decisions.map((d) => [d.assessorId, d.verdict])).toEqual([
        ['u-teacher-marieke', 'pass'],
        ['u-teacher-joost', 'pass'],
      ]);
      expect((await post(second, `/api/assessment/attempts/${attemptId}/decisions`, { verdict: 'fail' })).status).toBe(409);
    });

    it('when the second assessor disagrees, then the claim is disputed and a third assessor settles it', async () => {
      enrol(g, 'u-teacher-lotte', 'teacher');
      const third = await seeded.launch('u-teacher-lotte');
      const attemptId = await handIn(seeded, 'u-student-daan', 'lo-plan', claim);
      await post(first, `/api/assessment/attempts/${attemptId}/grade`, judgement('good'));
      const disputed = await post(second, `/api/assessment/attempts/${attemptId}/decisions`, { verdict: 'fail' });
      expect(((await disputed.json()) as AttemptBody).attempt.status).toBe('disputed');
      const settled = await post(third, `/api/assessment/attempts/${attemptId}/decisions`, { verdict: 'fail' });
      expect(((await settled.json()) as AttemptBody).attempt).toMatchObject({ status: 'graded', passed: false });
      // Good work on the rubric, yet the assessors failed the claim: the grade stays below the pass mark.
      expect(g.publisher.outcomeResults.at(-1)).toMatchObject({ attemptId, grade: { scoreGiven: 5.4, passed: false } });
    });

    it('when four-eyes is not required, then one assessor decides a claim and the decision is recorded', async () => {
      const single = await seedPlacement(g);
      const teacher = await single.launch(g.h.lms.member('teacher').userId);
      const attemptId = await handIn(single, 'u-student-daan', 'lo-plan', claim);
      const graded = await post(teacher, `/api/assessment/attempts/${attemptId}/grade`, judgement('sufficient'));
      const body = (await graded.json()) as { attempt: { status: string; fourEyes: { required: boolean; decisions: Array<{ assessorId: string; verdict: string }> } } };
      expect(body.attempt.status).toBe('graded');
      expect(body.attempt.fourEyes).toMatchObject({ required: false, decisions: [{ assessorId: 'u-teacher-marieke', verdict: 'pass' }] });
    });
  });
});
