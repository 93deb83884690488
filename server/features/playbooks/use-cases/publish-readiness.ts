// Which quality problems stop a playbook from being published, and which are only shown as warnings.
import { message, type Message } from '../../../domain/messages';
import type { LearningOutcome } from '../../../domain/outcome';
import type { Playbook } from '../../../domain/playbook';
import { recommendedRouteValid, runQualityChecks, type QualityCheckResult } from '../../../domain/quality-checks';

export interface PublishReadiness {
  /** Each is a reason students could not work with the playbook; any one refuses publishing. */
  blocking: Message[];
  /** Failed quality checks that a teacher may knowingly accept (one route only, no prior-learning evidence, criteria published late). */
  warnings: QualityCheckResult[];
}

/**
 * Blocking: no outcome; an outcome whose criteria are not published (students must read them before they start);
 * no activities; no recommended route, or one that breaks the rules (level-1 students follow it as it is);
 * no assessment window (no one could hand in). Everything else the quality report finds only warns.
 */
export function publishReadiness(contents: { playbook: Playbook; outcomes: LearningOutcome[] }): PublishReadiness {
  const { playbook } = contents;
  const own = contents.outcomes.filter((o) => playbook.outcomeIds.includes(o.id));
  const blocking: Message[] = [];
  if (own.length === 0) blocking.push(message('playbook.publish.no_outcomes'));
  for (const o of own.filter((outcome) => outcome.status !== 'published')) {
    blocking.push(message('playbook.publish.outcome_not_published', { outcomeId: o.id, title: o.title }));
  }
  if (playbook.activities.length === 0) blocking.push(message('playbook.publish.no_activities'));
  if (playbook.recommendedRoute.length === 0) blocking.push(message('playbook.publish.no_recommended_route'));
  else {
    const route = recommendedRouteValid(playbook);
    if (!route.ok) blocking.push(message('playbook.publish.recommended_route_invalid', route.message.params));
  }
  if (playbook.assessmentWindows.length === 0) blocking.push(message('playbook.publish.no_assessment_window'));
  const warnings = runQualityChecks(contents).filter((r) => !r.ok && !coveredByBlocking(r));
  return { blocking, warnings };
}

function coveredByBlocking(result: QualityCheckResult): boolean {
  return result.check === 'recommended_route_valid' || result.message.key === 'quality.criteria_published_before_start.not_published';
}
