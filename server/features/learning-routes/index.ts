// The learning-routes feature: a student's route and plan, coach reviews and assignments, session sign-up, and the
// course's class list as a coach may see it. Its dependencies are built once here and shared with the class overview.
import { Router } from 'express';
import { createRoster } from '../roster/index';
import { createLearningRouteDeps, type LearningRouteDeps, type LearningRouteSources } from './deps';
import { learningRouteRoutes } from './routes';
import { rosterRoutes } from './routes/roster-routes';

export { createLearningRouteDeps } from './deps';
export type { LearningRouteDeps, LearningRouteSources } from './deps';
export { studentsInScope } from './use-cases/coach-students';
export type { StudentsInScope } from './use-cases/coach-students';
export { playbookForSession } from './use-cases/placement-playbook';
export { createRouteRepository } from './data/route-repository';
export type { RouteRepository } from './data/route-repository';

export interface LearningRoutesFeature {
  router: Router;
  deps: LearningRouteDeps;
}

export function createLearningRoutesFeature(sources: LearningRouteSources): LearningRoutesFeature {
  const { records, registry, nrps } = sources.lti;
  const roster = sources.roster ?? createRoster({ records, registry, nrps, logger: sources.logger, now: sources.now });
  const deps = createLearningRouteDeps({ ...sources, roster });
  return { deps, router: Router().use(rosterRoutes({ roster, scope: deps }), learningRouteRoutes(deps)) };
}
