// Mounts the learning-route endpoints: the student's own route (/api/route…) and the coach's view of their students and the teacher's coach assignments (/api/coach…).
import { Router } from 'express';
import { createLearningRouteDeps, type LearningRouteSources } from '../../learning-routes/deps';
import { coachAssignmentRoutes } from './coach-assignment-routes';
import { coachRouteRoutes } from './coach-routes';
import { routePlanRoutes } from './plan-routes';
import { studentRouteRoutes } from './student-routes';

export function learningRouteRoutes(sources: LearningRouteSources): Router {
  const deps = createLearningRouteDeps(sources);
  return Router().use(studentRouteRoutes(deps), routePlanRoutes(deps), coachAssignmentRoutes(deps), coachRouteRoutes(deps));
}
