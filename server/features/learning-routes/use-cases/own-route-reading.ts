// What a student reads about their own route besides the route itself: the rules check with 3-3-5 coverage, and the history.
import { routeCoverage, type GridCoverage } from '../../../domain/coverage';
import type { RouteHistoryEntry } from '../../../domain/route-history';
import { checkRouteRules, type RulesCheck } from '../../../domain/route-rules';
import type { LaunchSession } from '../../../lti/session-token';
import type { LearningRouteDeps } from '../deps';
import { openOwnRoute } from './open-route';

export interface RouteCheck extends RulesCheck {
  coverage: GridCoverage;
}

export async function checkOwnRoute(deps: LearningRouteDeps, { session }: { session: LaunchSession }): Promise<RouteCheck> {
  const { playbook, route } = await openOwnRoute(deps, { session });
  return { ...checkRouteRules(playbook, route), coverage: routeCoverage(playbook, route) };
}

export async function ownRouteHistory(deps: LearningRouteDeps, { session }: { session: LaunchSession }): Promise<RouteHistoryEntry[]> {
  const { route } = await openOwnRoute(deps, { session });
  return deps.routes.history(route.id);
}
