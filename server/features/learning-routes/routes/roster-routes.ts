// GET /api/course/roster (teachers whole, coaches their own students) and POST /api/course/roster/sync (teachers): the class list of the launch's course.
import { Router } from 'express';
import { studentsInScope } from '../use-cases/coach-students';
import type { LearningRouteDeps } from '../deps';
import { classListInScope, type Roster } from '../../roster/index';
import { requireRole, sessionOf } from '../../../http/auth';

export interface RosterRoutesDeps {
  roster: Roster;
  /** For the scope rule: which students someone who is not a teacher may see (coach assignments live there). */
  scope: LearningRouteDeps;
}

export function rosterRoutes({ roster, scope: scopeDeps }: RosterRoutesDeps): Router {
  const router = Router();
  router.get('/api/course/roster', requireRole('teacher', 'assistant', 'coach'), async (_req, res) => {
    const session = sessionOf(res);
    const list = await roster.classList({ session, sync: 'if-stale' });
    if (session.roles.includes('teacher')) return res.json(list);
    const { students } = await studentsInScope(scopeDeps, { session });
    res.json(classListInScope(list, students));
  });
  router.post('/api/course/roster/sync', requireRole('teacher'), async (_req, res) => {
    res.json(await roster.classList({ session: sessionOf(res), sync: 'now' }));
  });
  return router;
}
