// Mounts the learning-route endpoints: the student's own route (/api/route…) and the coach's view of their students and the teacher's coach assignments (/api/coach…).
import { Router } from 'express';
import type { LearningRouteDeps } from './deps';
import { attendanceRoutes } from './routes/attendance-routes';
import { coachAssignmentRoutes } from './routes/coach-assignment-routes';
import { coachRouteRoutes } from './routes/coach-routes';
import { routePlanRoutes } from './routes/plan-routes';
import { studentRouteRoutes } from './routes/student-routes';

export function learningRouteRoutes(deps: LearningRouteDeps): Router {
  return Router().use(studentRouteRoutes(deps), routePlanRoutes(deps), coachAssignmentRoutes(deps), coachRouteRoutes(deps), attendanceRoutes(deps));
}
