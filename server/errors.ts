// The application's one error family, shared by every layer: each AppError carries a status and a stable code clients can rely on;
// the HTTP error middleware (server/http/error-middleware.ts) turns them into answers.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(400, 'validation_failed', message, details);
  }
}

export class NotAuthenticatedError extends AppError {
  constructor(message = 'Open Playroute from your course in the learning environment.') {
    super(401, 'not_authenticated', message);
  }
}

export class NotAuthorisedError extends AppError {
  constructor(message = 'You are not allowed to do this.') {
    super(403, 'not_authorised', message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', message);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(409, code, message, details);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message: string) {
    super(503, 'service_unavailable', message);
  }
}
