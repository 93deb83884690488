// The store's refusals, shaped like the domain's errors (a stable code and params) so the HTTP layer maps both alike.

export type StoreErrorCode = 'version_conflict' | 'already_exists' | 'not_found';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly params: Record<string, unknown>;

  constructor(code: StoreErrorCode, message: string, params: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.params = params;
  }
}

/** Someone saved in between: the version (or revision) the caller read is no longer the stored one. */
export class ConcurrencyConflictError extends StoreError {
  constructor(entity: string, id: string, expected: number, actual: number) {
    super('version_conflict', `${entity} ${id} is at version ${actual}, not ${expected}`, { entity, id, expected, actual });
  }
}

/** A unique index refused the write: e.g. a second playbook for one placement, a second route for one student. */
export class AlreadyExistsError extends StoreError {
  constructor(entity: string, key: Record<string, unknown>) {
    super('already_exists', `${entity} already exists`, { entity, key });
  }
}

export class NotFoundError extends StoreError {
  constructor(entity: string, id: string) {
    super('not_found', `${entity} ${id} not found`, { entity, id });
  }
}
