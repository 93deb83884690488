// GET /api/course/roster (teachers whole, coaches their own students) and POST /api/course/roster/sync (teachers): the class list of the launch's course.
import { Router } from 'express';
import type { LaunchSession } from '../../lti/session-token';
import { requireRole, sessionOf } from '../../http/auth';
import { classListInScope, type ClassListMember } from './use-cases/class-list';
import type { Roster } from './index';

export interface RosterRoutesDeps {
  roster: Roster;
  /**
   * The students someone who is not a teacher may see. The scope rule (coach assignments) belongs to the learning
   * routes; the composition root hands it in, so the roster depends on no other feature.
   */
  studentsInScope: (session: LaunchSession) => Promise<readonly Pick<ClassListMember, 'id'>[]>;
}

export function rosterRoutes({ roster, studentsInScope }: RosterRoutesDeps): Router {
  const router = Router();
  router.get('/api/course/roster', requireRole('teacher', 'assistant', 'coach'), async (_req, res) => {
    const session = sessionOf(res);
    const list = await roster.classList({ session, sync: 'if-stale' });
    if (session.roles.includes('teacher')) return res.json(list);
    res.json(classListInScope(list, await studentsInScope(session)));
  });
  router.post('/api/course/roster/sync', requireRole('teacher'), async (_req, res) => {
    res.json(await roster.classList({ session: sessionOf(res), sync: 'now' }));
  });
  return router;
}
