// What happened to an intake, in order: the student submits it, a teacher may reopen it (the student made a mistake) and
// the student submits again. The history stays with the intake, so who reopened it and when is never lost.

import { InvalidTransitionError } from '../errors';
import type { DiagnosticAnswer, IntakeResponse } from './intake-response';

export type IntakeEvent = { kind: 'submitted'; by: string; at: Date } | { kind: 'reopened'; by: string; at: Date; reason?: string };

/** The intake as submitted by `by` at `at`: it counts for the class from now on. */
export function submittedIntake(response: IntakeResponse, { by, at }: { by: string; at: Date }): IntakeResponse {
  return { ...response, status: 'submitted', submittedAt: at, history: [...(response.history ?? []), { kind: 'submitted', by, at }] };
}

/**
 * Back to a draft the student can change and submit again; the answers (and reviews of answers left as they were) stay,
 * so the student corrects rather than starts over. Only a submitted intake can be reopened.
 */
export function reopenedIntake(response: IntakeResponse, { by, at, reason }: { by: string; at: Date; reason?: string | undefined }): IntakeResponse {
  if (response.status !== 'submitted') throw new InvalidTransitionError(response.status, 'reopened');
  const { submittedAt: _submittedAt, ...rest } = response;
  const event: IntakeEvent = reason ? { kind: 'reopened', by, at, reason } : { kind: 'reopened', by, at };
  return { ...rest, status: 'draft', history: [...(response.history ?? []), event] };
}

/** A review judged one text: it stays with an answer the student left unchanged, and goes once they rewrite it. */
export function keepReviews(before: readonly DiagnosticAnswer[], answers: readonly { outcomeId: string; answer: string }[]): DiagnosticAnswer[] {
  const previous = new Map(before.map((d) => [d.outcomeId, d]));
  return answers.map((a) => {
    const old = previous.get(a.outcomeId);
    return old?.review && old.answer === a.answer ? { outcomeId: a.outcomeId, answer: a.answer, review: old.review } : { outcomeId: a.outcomeId, answer: a.answer };
  });
}
