// Attendance for sessions: teachers and coaches list the sessions with who signed up, and mark who attended.
import { Router } from 'express';
import type { LearningRouteDeps } from '../deps';
import { listSessionAttendance, markAttendance } from '../use-cases/session-attendance';
import { STAFF } from '../../../lti/roles';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import { attendanceMarkSchema, attendanceParamsSchema, type AttendanceMarkBody, type AttendanceParams } from '../schemas';

export function attendanceRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  // Which students each may mark is decided by studentsInScope, not here.
  const staff = requireRole(...STAFF);

  router.get('/api/coach/sessions', staff, async (_req, res) => {
    res.json({ sessions: await listSessionAttendance(deps, { session: sessionOf(res) }) });
  });

  router.put(
    '/api/coach/sessions/:activityId/:sessionId/attendance/:studentId',
    staff,
    validate(attendanceParamsSchema, 'params'),
    validate(attendanceMarkSchema),
    async (req, res) => {
      const { activityId, sessionId, studentId } = req.params as AttendanceParams;
      const { attended } = req.body as AttendanceMarkBody;
      res.json(await markAttendance(deps, { session: sessionOf(res), activityId, sessionId, studentId, attended }));
    },
  );

  return router;
}
