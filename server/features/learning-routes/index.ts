// The learning-routes feature: a student's route and plan, coach reviews and assignments, session sign-up, and the
// scope rule (which students a coach may see). Its dependencies are built once here and shared with the class overview
// and the roster.
import type { Router } from 'express';
import { createLearningRouteDeps, type LearningRouteDeps, type LearningRouteSources } from './deps';
import { learningRouteRoutes } from './routes';

export { createLearningRouteDeps } from './deps';
export type { LearningRouteDeps, LearningRouteSources } from './deps';
export { studentsInScope } from './use-cases/coach-students';
export type { StudentsInScope } from './use-cases/coach-students';
export { playbookForSession } from './use-cases/placement-playbook';
export { createRouteRepository } from './data/route-repository';
// The student's and teacher's steps the demo course seeds with on a clock set back (server/demo-course/demo-clock.ts).
export { openOwnRoute } from './use-cases/open-route';
export { markOwnProgress, saveOwnRoute, submitOwnRoute } from './use-cases/own-route-changes';
export { approveStudentRoute } from './use-cases/coach-reviews';
export { signUpForSession } from './use-cases/session-signup';
export type { RouteRepository, RouteSummary } from './data/route-repository';

export interface LearningRoutesFeature {
  router: Router;
  deps: LearningRouteDeps;
}

export function createLearningRoutesFeature(sources: LearningRouteSources): LearningRoutesFeature {
  const deps = createLearningRouteDeps(sources);
  return { deps, router: learningRouteRoutes(deps) };
}
