// Failures of the platform's services (token endpoint, NRPS, AGS) as AppErrors a person can read: the LMS is upstream, so they answer 502.
import { AppError } from '../errors';

export type PlatformFailureKind =
  /** The platform answered and said no: a 4xx, e.g. invalid_client, invalid_scope, insufficient_scope. */
  | 'refused'
  /** The platform answered with a server error (5xx). */
  | 'failed'
  /** No answer: connection refused, DNS, or no response within the time limit. */
  | 'unreachable'
  /** An answer Playroute cannot use: not JSON, or not the shape the specification describes. */
  | 'invalid_response';

export interface PlatformFailure {
  kind: PlatformFailureKind;
  /** What Playroute was trying to do, for the message: "get a service access token", "read the class list". */
  action: string;
  /** The platform's HTTP status, when it answered. */
  status?: number;
  /** The platform's own error code (OAuth2 `error`), e.g. invalid_scope. */
  reason?: string;
  /** The platform's own words (OAuth2 `error_description`), shortened. */
  description?: string;
}

const CODE: Record<PlatformFailureKind, string> = {
  refused: 'lms_refused',
  failed: 'lms_failed',
  unreachable: 'lms_unreachable',
  invalid_response: 'lms_invalid_response',
};

export class PlatformServiceError extends AppError {
  constructor(
    readonly failure: PlatformFailure,
    /** What a person can do about it, appended to the message. */
    hint?: string,
  ) {
    super(502, CODE[failure.kind], messageOf(failure, hint), {
      ...(failure.status !== undefined && { lmsStatus: failure.status }),
      ...(failure.reason !== undefined && { lmsError: failure.reason }),
    });
  }
}

function messageOf(failure: PlatformFailure, hint: string | undefined): string {
  const said = [failure.reason, failure.description].filter(Boolean).join(': ');
  const status = failure.status !== undefined ? `HTTP ${failure.status}` : undefined;
  const detail = [status, said].filter(Boolean).join(', ');
  const base = {
    refused: `The learning environment refused to let Playroute ${failure.action}`,
    failed: `The learning environment failed while Playroute tried to ${failure.action}; please try again later`,
    unreachable: `The learning environment did not answer when Playroute tried to ${failure.action}; please try again later`,
    invalid_response: `The learning environment gave an answer Playroute cannot read when it tried to ${failure.action}`,
  }[failure.kind];
  return `${base}${detail ? ` (${detail})` : ''}.${hint ? ` ${hint}` : ''}`;
}

/** An error answer of the platform as a PlatformServiceError; see readFailure. */
export async function failureOf(response: Response, action: string, hint?: string): Promise<PlatformServiceError> {
  return new PlatformServiceError(await readFailure(response, action), hint);
}

/** Reads an error answer (RFC 6749 §5.2 `{ error, error_description }` when the platform uses it) into a failure. */
export async function readFailure(response: Response, action: string): Promise<PlatformFailure> {
  let reason: string | undefined;
  let description: string | undefined;
  try {
    const body: unknown = JSON.parse(await response.text());
    if (typeof body === 'object' && body !== null) {
      const { error, error_description: text } = body as Record<string, unknown>;
      if (typeof error === 'string') reason = error.slice(0, 100);
      if (typeof text === 'string') description = text.slice(0, 300);
    }
  } catch {
    // Not JSON (an HTML error page from a proxy, say): the status says enough.
  }
  return { kind: response.status >= 500 ? 'failed' : 'refused', action, status: response.status, reason, description };
}

/** A fetch that threw: a timeout or a network error, never with the request (and its secrets) in the message. */
export function unreachable(error: unknown, action: string): PlatformServiceError {
  const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
  return new PlatformServiceError({ kind: 'unreachable', action, description: timedOut ? 'no answer in time' : 'could not connect' });
}
