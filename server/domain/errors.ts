// The domain's error family: each refusal carries a stable code (and params) that the HTTP layer maps and the client translates.

export type DomainErrorCode =
  | 'level_forbids'
  | 'route_not_editable'
  | 'invalid_transition'
  | 'version_conflict'
  | 'not_authorised'
  | 'unknown_activity'
  | 'duplicate_activity'
  | 'route_rules_violated'
  | 'proposals_pending'
  | 'comment_required'
  | 'playbook_not_published'
  | 'outcome_incomplete'
  | 'outside_assessment_window'
  | 'not_found';

export type ErrorParams = Record<string, unknown>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly params: ErrorParams;

  constructor(code: DomainErrorCode, message: string, params: ErrorParams = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }
}

/** The student's self-direction level does not allow this action. */
export class LevelForbidsError extends DomainError {
  constructor(action: string, level: number) {
    super('level_forbids', `self-direction level ${level} does not allow ${action}`, { action, level });
  }
}

/** The route is in a state in which it cannot be changed (e.g. waiting for the coach). */
export class RouteNotEditableError extends DomainError {
  constructor(status: string) {
    super('route_not_editable', `a ${status} route cannot be changed`, { status });
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('invalid_transition', `cannot go from ${from} to ${to}`, { from, to });
  }
}

/** Someone else changed the route since the caller read it (optimistic concurrency). */
export class VersionConflictError extends DomainError {
  constructor(expected: number, actual: number) {
    super('version_conflict', `route is at version ${actual}, not ${expected}`, { expected, actual });
  }
}

export class NotAuthorisedError extends DomainError {
  constructor(action: string) {
    super('not_authorised', `not allowed to ${action}`, { action });
  }
}
