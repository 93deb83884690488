// The intake a teacher adds to a playbook: which outcomes (and indicators) students place themselves on, and optional diagnostic tasks.

import type { LearningOutcome } from '../outcome';
import { outcomeScale, type OutcomeScale } from './level-scale';
import type { PointRef } from './points';

export interface IntakeOutcome {
  outcomeId: string;
  /** The indicators placed on separately, besides the outcome as a whole; empty when only the outcome is. */
  indicatorIds: string[];
  /** A short task whose answer the teacher reviews (and may place the student on the scale by). */
  diagnosticTask?: { prompt: string };
}

export interface IntakeDesign {
  outcomes: IntakeOutcome[];
}

export type IntakeDesignIssue =
  | { code: 'unknown_outcome'; outcomeId: string }
  | { code: 'outcome_without_levels'; outcomeId: string }
  | { code: 'unknown_indicator'; outcomeId: string; indicatorId: string }
  | { code: 'duplicate_outcome'; outcomeId: string };

/** Every reason the design does not fit the playbook's outcomes; empty when it does. */
export function intakeDesignIssues(design: IntakeDesign, outcomes: readonly LearningOutcome[]): IntakeDesignIssue[] {
  const issues: IntakeDesignIssue[] = [];
  const seen = new Set<string>();
  for (const item of design.outcomes) {
    if (seen.has(item.outcomeId)) issues.push({ code: 'duplicate_outcome', outcomeId: item.outcomeId });
    seen.add(item.outcomeId);
    const outcome = outcomes.find((o) => o.id === item.outcomeId);
    if (!outcome) {
      issues.push({ code: 'unknown_outcome', outcomeId: item.outcomeId });
      continue;
    }
    if (!outcomeScale(outcome)) issues.push({ code: 'outcome_without_levels', outcomeId: item.outcomeId });
    for (const indicatorId of item.indicatorIds) {
      if (!outcome.indicators.some((i) => i.id === indicatorId)) issues.push({ code: 'unknown_indicator', outcomeId: item.outcomeId, indicatorId });
    }
  }
  return issues;
}

/** The points a student places themselves on, in design order: each outcome, then its chosen indicators. */
export function designPoints(design: IntakeDesign): PointRef[] {
  return design.outcomes.flatMap((o) => [{ outcomeId: o.outcomeId }, ...o.indicatorIds.map((indicatorId) => ({ outcomeId: o.outcomeId, indicatorId }))]);
}

/** The scale of each outcome in the design that has one (a design that passed the check has one for each). */
export function designScales(design: IntakeDesign, outcomes: readonly LearningOutcome[]): Map<string, OutcomeScale> {
  const scales = new Map<string, OutcomeScale>();
  for (const item of design.outcomes) {
    const outcome = outcomes.find((o) => o.id === item.outcomeId);
    const scale = outcome ? outcomeScale(outcome) : undefined;
    if (scale) scales.set(item.outcomeId, scale);
  }
  return scales;
}
