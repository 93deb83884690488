// The class overview feature: staff see the whole class's routes at a glance (coverage, stalls, who needs a word).
import type { Router } from 'express';
import type { LearningRouteDeps } from '../learning-routes/index';
import { classOverviewRoutes } from './routes';

export interface ClassOverviewFeature {
  router: Router;
}

export function createClassOverviewFeature(deps: { learningRoutes: LearningRouteDeps }): ClassOverviewFeature {
  return { router: classOverviewRoutes(deps.learningRoutes) };
}
