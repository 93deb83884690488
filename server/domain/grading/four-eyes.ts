// The four-eyes rule for prior-learning (EVC) evidence: two different assessors must agree.
//
// When required: the first decision waits for a second; two agreeing decisions from different
// assessors make the verdict final; two that disagree make it disputed, and a third, again
// different, assessor settles it (the verdict two of three gave). When not required, the
// first decision is final. The same assessor can never decide twice, and nothing is recorded
// after the verdict is final. Records are never mutated: each decision returns a new record.

import { GradingError } from './errors';

export type AssessorVerdict = 'pass' | 'fail';

export interface AssessorDecision {
  assessorId: string;
  verdict: AssessorVerdict;
  /** ISO 8601. */
  decidedAt: string;
  comment?: string;
}

export interface FourEyesRecord {
  required: boolean;
  decisions: AssessorDecision[];
}

export type FourEyesStatus =
  | { state: 'waiting-for-first-assessor' }
  | { state: 'waiting-for-second-assessor'; assessorIds: string[] }
  | { state: 'disputed'; assessorIds: string[] }
  | { state: 'final'; verdict: AssessorVerdict; assessorIds: string[] };

export function fourEyesStatus(record: FourEyesRecord): FourEyesStatus {
  const { decisions } = record;
  const assessorIds = decisions.map((d) => d.assessorId);
  const [first, second, third] = decisions;
  if (!first) return { state: 'waiting-for-first-assessor' };
  if (!record.required) return { state: 'final', verdict: first.verdict, assessorIds: [first.assessorId] };
  if (!second) return { state: 'waiting-for-second-assessor', assessorIds };
  if (first.verdict === second.verdict) return { state: 'final', verdict: first.verdict, assessorIds };
  if (!third) return { state: 'disputed', assessorIds };
  // Two verdicts disagree, so the third always sides with one of them: that one has two of three.
  return { state: 'final', verdict: third.verdict, assessorIds };
}

export interface RecordAssessorDecisionProps {
  record: FourEyesRecord;
  decision: AssessorDecision;
}

export function recordAssessorDecision({ record, decision }: RecordAssessorDecisionProps): FourEyesRecord {
  if (fourEyesStatus(record).state === 'final') {
    throw new GradingError('decision_already_final', 'The verdict on this evidence is already final.');
  }
  if (record.decisions.some((d) => d.assessorId === decision.assessorId)) {
    throw new GradingError('same_assessor_twice', 'A second assessor must be someone other than the first.');
  }
  return { ...record, decisions: [...record.decisions, decision] };
}
