// Builders for grading tests: each returns sensible data and takes the fields a story cares about.

import type { Rubric, RubricCriterion, RubricLevel } from '../rubric';
import type { Assessment } from './assessment';
import type { GradeInput } from './grade-input';
import type { ScoredAttempt } from './mastery';
import type { WaitingEvidence } from './grading-queue';

export function buildLevel(overrides: Partial<RubricLevel> = {}): RubricLevel {
  return { id: 'sufficient', label: 'Sufficient', description: 'Meets the standard', points: 2, ...overrides };
}

/** Four levels worth 0..3 points, pass level "sufficient" (2 points). */
export function buildCriterion(overrides: Partial<RubricCriterion> = {}): RubricCriterion {
  return {
    id: 'analysis',
    title: 'Analysis',
    weight: 1,
    levels: [
      buildLevel({ id: 'insufficient', label: 'Insufficient', points: 0 }),
      buildLevel({ id: 'developing', label: 'Developing', points: 1 }),
      buildLevel({ id: 'sufficient', label: 'Sufficient', points: 2 }),
      buildLevel({ id: 'good', label: 'Good', points: 3 }),
    ],
    passLevelId: 'sufficient',
    ...overrides,
  };
}

export function buildRubric(overrides: Partial<Rubric> = {}): Rubric {
  return {
    criteria: [
      buildCriterion({ id: 'analysis', title: 'Analysis' }),
      buildCriterion({ id: 'design', title: 'Design' }),
      buildCriterion({ id: 'reflection', title: 'Reflection' }),
    ],
    ...overrides,
  };
}

/** Judges every criterion of the rubric at `levelId` unless `levels` names another level. */
export function buildAssessment(
  rubric: Rubric,
  options: { levelId?: string; levels?: Record<string, string>; comment?: string } = {},
): Assessment {
  const assessment: Assessment = {
    judgements: rubric.criteria.map((criterion) => ({
      criterionId: criterion.id,
      levelId: options.levels?.[criterion.id] ?? options.levelId ?? 'sufficient',
    })),
  };
  if (options.comment !== undefined) assessment.comment = options.comment;
  return assessment;
}

export function buildGradeInput(overrides: Partial<GradeInput> = {}): GradeInput {
  return { fraction: 0.7, passed: true, ...overrides };
}

let attemptCounter = 0;
export function buildAttempt(overrides: Partial<ScoredAttempt> = {}): ScoredAttempt {
  attemptCounter += 1;
  return {
    attemptId: `attempt-${attemptCounter}`,
    assessedAt: '2025-03-01T10:00:00.000Z',
    fraction: 0.6,
    passed: true,
    ...overrides,
  };
}

let evidenceCounter = 0;
export function buildWaitingEvidence(overrides: Partial<WaitingEvidence> = {}): WaitingEvidence {
  evidenceCounter += 1;
  return {
    evidenceId: `evidence-${evidenceCounter}`,
    studentId: 'student-1',
    outcomeId: 'outcome-1',
    handedInAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}
