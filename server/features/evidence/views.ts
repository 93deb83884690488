// What a student sees of an attempt: the teacher's judgement only once it is final, never who else assessed it.
import type { ScaleGrade } from '../../domain/grading/index';
import type { Attempt } from './use-cases/attempt';

export function studentAttemptView({ attempt, grade }: { attempt: Attempt; grade?: ScaleGrade }) {
  const graded = attempt.status === 'graded' && attempt.assessment;
  return {
    id: attempt.id,
    outcomeId: attempt.outcomeId,
    number: attempt.number,
    // A claim waiting for a second assessor is still "being graded" to the student.
    status: attempt.status === 'disputed' || attempt.status === 'awaiting-second-assessor' ? 'submitted' : attempt.status,
    items: attempt.items,
    selfAssessment: attempt.selfAssessment ?? null,
    submittedAt: attempt.submittedAt ?? null,
    gradedAt: attempt.gradedAt ?? null,
    feedback: graded
      ? {
          judgements: attempt.assessment?.judgements ?? [],
          comment: attempt.assessment?.comment ?? null,
          passed: attempt.passed ?? null,
          result: attempt.assessment?.result ?? null,
          grade: grade ?? null,
        }
      : null,
  };
}
