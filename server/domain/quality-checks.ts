// Quality checks of path-independent assessment the teacher runs on a playbook and its outcomes.

import { ACTIVITY_TYPES } from './activity-grid';
import { message, type Message } from './messages';
import type { LearningOutcome } from './outcome';
import type { Playbook } from './playbook';
import { checkRouteRules } from './route-rules';
import { findTwoDistinctRoutes } from './route-search';

export type QualityCheckId =
  | 'criteria_published_before_start'
  | 'multiple_routes'
  | 'every_activity_type_offered'
  | 'one_integrated_assessment'
  | 'prior_learning_validation'
  | 'recommended_route_valid';

export interface QualityCheckResult {
  check: QualityCheckId;
  ok: boolean;
  /** Key `quality.<check>.<outcome>`: `.ok` when it passes, otherwise the reason. */
  message: Message;
  /** Set for checks that are made per outcome. */
  outcomeId?: string;
}

function result(check: QualityCheckId, reason: string, params: Message['params'] = {}, outcomeId?: string): QualityCheckResult {
  return { check, ok: reason === 'ok', message: message(`quality.${check}.${reason}`, params), ...(outcomeId ? { outcomeId } : {}) };
}

/** Runs every check; outcome checks run for each of the playbook's outcomes found in `outcomes`. */
export function runQualityChecks({ playbook, outcomes }: { playbook: Playbook; outcomes: LearningOutcome[] }): QualityCheckResult[] {
  const own = outcomes.filter((o) => playbook.outcomeIds.includes(o.id));
  return [
    ...own.flatMap((o) => [criteriaPublishedBeforeStart(o, playbook.courseStartDate), oneIntegratedAssessment(o), priorLearning(o)]),
    multipleRoutes(playbook),
    everyActivityTypeOffered(playbook),
    recommendedRouteValid(playbook),
  ];
}

/** LOT: students know the criteria before they start, so they are published no later than the course start. */
export function criteriaPublishedBeforeStart(outcome: LearningOutcome, courseStart: Date | undefined): QualityCheckResult {
  const check = 'criteria_published_before_start';
  if (outcome.rubric.criteria.length === 0) return result(check, 'no_criteria', {}, outcome.id);
  if (!courseStart) return result(check, 'no_start_date', {}, outcome.id);
  const start = courseStart.toISOString();
  if (outcome.status !== 'published' || !outcome.publishedAt) return result(check, 'not_published', { courseStart: start }, outcome.id);
  const params = { courseStart: start, publishedAt: outcome.publishedAt.toISOString() };
  return result(check, outcome.publishedAt <= courseStart ? 'ok' : 'published_late', params, outcome.id);
}

/** One assessment of the whole outcome: not several partial tests, not none. */
export function oneIntegratedAssessment(outcome: LearningOutcome): QualityCheckResult {
  const check = 'one_integrated_assessment';
  const count = outcome.assessments.length;
  if (count === 0) return result(check, 'none', {}, outcome.id);
  if (count > 1) return result(check, 'several', { count }, outcome.id);
  return result(check, outcome.assessments[0]?.integrated ? 'ok' : 'not_integrated', {}, outcome.id);
}

/** Prior learning can be validated when the outcome accepts prior learning or work experience as evidence. */
export function priorLearning(outcome: LearningOutcome): QualityCheckResult {
  const accepted = outcome.possibleEvidence.some((e) => e.form === 'prior_learning' || e.form === 'work_experience');
  return result('prior_learning_validation', accepted ? 'ok' : 'not_accepted', {}, outcome.id);
}

export function multipleRoutes(playbook: Playbook): QualityCheckResult {
  const routes = findTwoDistinctRoutes(playbook);
  const [a, b] = routes;
  if (!a) return result('multiple_routes', 'none');
  if (!b) return result('multiple_routes', 'only_one', { route: a });
  return result('multiple_routes', 'ok', { routeA: a, routeB: b });
}

export function everyActivityTypeOffered(playbook: Playbook): QualityCheckResult {
  const missing = ACTIVITY_TYPES.filter((t) => !playbook.activities.some((a) => a.type === t));
  return result('every_activity_type_offered', missing.length === 0 ? 'ok' : 'missing_types', { missing });
}

/** Level-1 students follow the recommended route as it is, so it must satisfy the rules itself. */
export function recommendedRouteValid(playbook: Playbook): QualityCheckResult {
  const check = checkRouteRules(playbook, { entries: playbook.recommendedRoute.map((activityId) => ({ activityId })) });
  return result('recommended_route_valid', check.ok ? 'ok' : 'violations', { violations: check.violations.map((v) => v.key) });
}
