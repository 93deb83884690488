// Typed errors of the grading domain: a stable code for machines, a plain message for people.

/** Why a rubric, an assessment or a configuration was refused, one entry per problem found. */
export type GradingIssueCode =
  | 'no_criteria'
  | 'no_levels'
  | 'duplicate_criterion'
  | 'duplicate_level'
  | 'negative_points'
  | 'invalid_weight'
  | 'unknown_pass_level'
  | 'missing_pass_level'
  | 'zero_maximum'
  | 'criterion_not_judged'
  | 'criterion_judged_twice'
  | 'unknown_criterion'
  | 'unknown_level';

export interface GradingIssue {
  code: GradingIssueCode;
  criterionId?: string;
  levelId?: string;
}

/** Stable codes the HTTP layer can map to a status (all are client errors, 422 or 409). */
export type GradingErrorCode =
  | 'invalid_rubric'
  | 'invalid_assessment'
  | 'invalid_configuration'
  | 'invalid_input'
  | 'same_assessor_twice'
  | 'decision_already_final';

export class GradingError extends Error {
  override readonly name = 'GradingError';

  constructor(
    readonly code: GradingErrorCode,
    message: string,
    /** Every problem found, so a form can mark them all at once rather than one per round trip. */
    readonly issues: GradingIssue[] = [],
  ) {
    super(message);
  }
}

export function isGradingError(error: unknown): error is GradingError {
  return error instanceof GradingError;
}
