// LTI message failures as AppErrors: each rejection has a stable code, a status and a message a person can act on.
import { AppError } from '../errors';

export class LtiError extends AppError {}

/** The request is not a well-formed LTI message (missing parameters, not a JWT, a claim of the wrong shape). */
export function malformed(code: string, message: string): LtiError {
  return new LtiError(400, code, message);
}

/** The message could not be trusted (signature, issuer, audience, time, nonce, state). */
export function untrusted(code: string, message: string): LtiError {
  return new LtiError(401, code, message);
}

/** The message is genuine but not allowed here (unregistered deployment, a role that may not do this). */
export function refused(code: string, message: string): LtiError {
  return new LtiError(403, code, message);
}
