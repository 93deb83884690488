// A student's intake: self-placement per point, answers to diagnostic tasks, the learner profile; a draft until submitted.

import type { IntakeDesign } from './intake-design';
import type { IntakeEvent } from './intake-history';
import { designPoints, designScales } from './intake-design';
import type { LearningOutcome } from '../outcome';
import { pointKey, type PointRef } from './points';

/** The learner profile the seeds ask for (Sh!ft checklist): background, time, expectations. */
export interface LearnerProfile {
  priorEducation?: string;
  workExperience?: string;
  hoursPerWeek?: number;
  /** When they have time, in their own words ("evenings, Friday morning"). */
  when?: string;
  expectations?: string;
  /** Why they take part: required, chosen, for their work… */
  why?: string;
}

export interface SelfPlacement extends PointRef {
  rank: number;
}

export interface DiagnosticAnswer {
  outcomeId: string;
  answer: string;
  /** The teacher's review: a comment and, when given, the rank the answer shows (it counts over the self-placement). */
  review?: { by: string; at: Date; comment: string; rank?: number };
}

export type IntakeStatus = 'draft' | 'submitted';

export interface IntakeResponse {
  placements: SelfPlacement[];
  diagnostics: DiagnosticAnswer[];
  profile: LearnerProfile;
  status: IntakeStatus;
  submittedAt?: Date;
  /** Submitted and reopened, oldest first (intake-history.ts); absent on intakes stored before it was kept. */
  history?: IntakeEvent[];
}

export type IntakeIssue =
  | { code: 'unknown_point'; point: string }
  | { code: 'rank_out_of_scale'; point: string; rank: number; max: number }
  | { code: 'no_diagnostic_task'; outcomeId: string }
  | { code: 'placement_missing'; point: string }
  | { code: 'hours_missing' };

/** What is wrong with the answers as a draft: points or tasks the design does not have, ranks off the scale. */
export function draftIssues(design: IntakeDesign, outcomes: readonly LearningOutcome[], response: Pick<IntakeResponse, 'placements' | 'diagnostics'>): IntakeIssue[] {
  const scales = designScales(design, outcomes);
  const known = new Set(designPoints(design).map(pointKey));
  const issues: IntakeIssue[] = [];
  for (const placement of response.placements) {
    const key = pointKey(placement);
    if (!known.has(key)) {
      issues.push({ code: 'unknown_point', point: key });
      continue;
    }
    const max = scales.get(placement.outcomeId)?.levels.length ?? 0;
    if (placement.rank < 1 || placement.rank > max) issues.push({ code: 'rank_out_of_scale', point: key, rank: placement.rank, max });
  }
  for (const answer of response.diagnostics) {
    if (!design.outcomes.some((o) => o.outcomeId === answer.outcomeId && o.diagnosticTask)) issues.push({ code: 'no_diagnostic_task', outcomeId: answer.outcomeId });
  }
  return issues;
}

/** Submitting also needs a placement on every point and the hours per week (the route proposal is planned on them). */
export function submitIssues(design: IntakeDesign, outcomes: readonly LearningOutcome[], response: IntakeResponse): IntakeIssue[] {
  const issues = draftIssues(design, outcomes, response);
  const placed = new Set(response.placements.map(pointKey));
  for (const point of designPoints(design)) {
    if (!placed.has(pointKey(point))) issues.push({ code: 'placement_missing', point: pointKey(point) });
  }
  if (response.profile.hoursPerWeek === undefined) issues.push({ code: 'hours_missing' });
  return issues;
}

/** One placement per point: a later one for the same point replaces the earlier (a form sends the whole list). */
export function uniquePlacements(placements: readonly SelfPlacement[]): SelfPlacement[] {
  const byKey = new Map<string, SelfPlacement>();
  for (const p of placements) byKey.set(pointKey(p), p);
  return [...byKey.values()];
}
