// What an LMS answer means for a delivery: delivered, try again later, or refused for a reason a teacher can read.
import type { ScoreAnswer } from '../../../lti/ags-client';
import { AgsServiceError } from '../../../lti/ags-client';
import { PlatformServiceError } from '../../../lti/service-errors';

export type DeliveryOutcome =
  | { kind: 'sent'; status: number }
  /** Temporary: network, timeout, 408/425/429, 5xx. `uncertain` when the request may have reached the LMS. */
  | { kind: 'retry'; status?: number; retryAfterMs?: number; uncertain: boolean; error: string }
  /** The LMS holds a score with the same or a later timestamp (409, Canvas's 400): a newer grade, or our own earlier attempt. */
  | { kind: 'stale'; status: number; error: string }
  | { kind: 'failed'; status?: number; error: string };

const RETRYABLE = new Set([408, 425, 429]);

export function outcomeOfAnswer(answer: ScoreAnswer): DeliveryOutcome {
  const { status } = answer;
  if (answer.ok) return { kind: 'sent', status };
  const said = [answer.reason, answer.description].filter(Boolean).join(': ');
  const detail = `HTTP ${status}${said ? `, ${said}` : ''}`;
  if (RETRYABLE.has(status) || status >= 500) {
    // A 5xx may come after the LMS stored the score (a proxy timing out): treat it as possibly delivered.
    return { kind: 'retry', status, retryAfterMs: answer.retryAfterMs, uncertain: status >= 500, error: `The LMS is busy or failing; Playroute will try again (${detail}).` };
  }
  if (status === 409 || (status === 400 && /timestamp/i.test(said))) {
    return { kind: 'stale', status, error: `The LMS already holds a grade for this student recorded at the same moment or later, so it kept that one (${detail}).` };
  }
  return { kind: 'failed', status, error: refusal(status, detail) };
}

/** A thrown error while finding the line item or posting the score. */
export function outcomeOfError(error: unknown): DeliveryOutcome {
  if (!(error instanceof PlatformServiceError)) {
    return { kind: 'retry', uncertain: false, error: `Playroute could not send the grade (${error instanceof Error ? error.message : 'unknown error'}); it will try again.` };
  }
  const { failure } = error;
  const retryAfterMs = error instanceof AgsServiceError ? error.retryAfterMs : undefined;
  if (failure.kind === 'unreachable') {
    // The request may have arrived and been applied before the answer was lost.
    return { kind: 'retry', uncertain: true, error: `The LMS did not answer; Playroute will try again (${failure.description ?? 'no answer'}).` };
  }
  if (failure.kind === 'failed' || failure.kind === 'invalid_response' || (failure.status !== undefined && RETRYABLE.has(failure.status))) {
    return { kind: 'retry', status: failure.status, retryAfterMs, uncertain: false, error: error.message };
  }
  const status = failure.status;
  const said = [failure.reason, failure.description].filter(Boolean).join(': ');
  const detail = `HTTP ${status ?? '?'}${said ? `, ${said}` : ''}`;
  // A refused token: the registration, not this grade, is wrong; the message carries the hint for the administrator.
  if (/access token/.test(failure.action)) return { kind: 'failed', status, error: error.message };
  return { kind: 'failed', status, error: status === undefined ? error.message : refusal(status, detail) };
}

function refusal(status: number, detail: string): string {
  switch (status) {
    case 400:
      return `The LMS refused the grade as invalid (${detail}).`;
    case 401:
      return `The LMS did not accept Playroute's access; ask the LMS administrator to check Playroute's registration (${detail}).`;
    case 403:
      return `The LMS does not allow a grade for this student here: the student is probably no longer enrolled in the course (${detail}).`;
    case 404:
      return `The LMS does not know this student or this grade column: the student may have left the course, or the column was deleted (${detail}).`;
    case 412:
      return `The grade column was changed in the LMS at the same time; retry to send the grade again (${detail}).`;
    case 413:
    case 415:
      return `The LMS could not read the grade Playroute sent (${detail}).`;
    case 422:
      return `The LMS cannot record this grade: the person is not a student in this course, or the grade column has no maximum score (${detail}).`;
    default:
      return `The LMS refused the grade (${detail}).`;
  }
}
