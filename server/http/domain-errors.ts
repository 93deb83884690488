// Maps the domain's and the store's refusals (stable codes with params) onto HTTP statuses, so routes just throw.
import { DomainError, type DomainErrorCode } from '../domain/errors';
import { GradingError, type GradingErrorCode } from '../domain/grading/errors';
import { StoreError, type StoreErrorCode } from '../store/store-errors';
import { AppError } from '../errors';

const STATUS: Record<DomainErrorCode | StoreErrorCode, number> = {
  level_forbids: 403,
  not_authorised: 403,
  route_not_editable: 409,
  invalid_transition: 409,
  version_conflict: 409,
  already_exists: 409,
  proposals_pending: 409,
  playbook_not_published: 409,
  outside_assessment_window: 409,
  unknown_activity: 422,
  duplicate_activity: 422,
  route_rules_violated: 422,
  outcome_incomplete: 422,
  comment_required: 400,
  not_found: 404,
};

/** Grading refusals: a rubric, assessment or setting that does not fit is unprocessable; a four-eyes rule broken is a conflict. */
const GRADING_STATUS: Record<GradingErrorCode, number> = {
  invalid_rubric: 422,
  invalid_assessment: 422,
  invalid_configuration: 422,
  invalid_input: 422,
  same_assessor_twice: 409,
  decision_already_final: 409,
};

/** The AppError for a domain, grading or store error; undefined for anything else. */
export function fromDomainError(err: unknown): AppError | undefined {
  if (err instanceof GradingError) {
    return new AppError(GRADING_STATUS[err.code], err.code, err.message, err.issues.length > 0 ? { issues: err.issues } : undefined);
  }
  if (!(err instanceof DomainError) && !(err instanceof StoreError)) return undefined;
  return new AppError(STATUS[err.code], err.code, err.message, err.params);
}
