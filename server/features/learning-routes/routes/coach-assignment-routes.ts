// The teacher assigns coaches to students: who may coach and who coaches whom, assign, unassign (teachers only).
import { Router } from 'express';
import { assignCoach, listCoaching, unassignCoach, type CoachingOverview } from '../use-cases/coach-assignment-cases';
import type { LearningRouteDeps } from '../deps';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import { coachAssignmentSchema, type CoachAssignmentBody } from '../schemas';
import { studentView } from '../views';

export function coachAssignmentRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  // Assigning coaches shapes the course, like designing it: the teacher's, not an assistant's.
  const teacher = requireRole('teacher');

  router.get('/api/coach/assignments', teacher, async (_req, res) => {
    res.json(coachingView(await listCoaching(deps, { session: sessionOf(res) })));
  });

  router.post('/api/coach/assignments', teacher, validate(coachAssignmentSchema), async (req, res) => {
    const { coachId, studentIds } = req.body as CoachAssignmentBody;
    res.json(coachingView(await assignCoach(deps, { session: sessionOf(res), coachId, studentIds })));
  });

  router.post('/api/coach/assignments/remove', teacher, validate(coachAssignmentSchema), async (req, res) => {
    const { coachId, studentIds } = req.body as CoachAssignmentBody;
    res.json(coachingView(await unassignCoach(deps, { session: sessionOf(res), coachId, studentIds })));
  });

  return router;
}

function coachingView({ staff, students, assignments }: CoachingOverview) {
  return {
    staff: staff.map((m) => ({ id: m.id, name: m.name, roles: m.roles })),
    students: students.map(studentView),
    assignments: assignments.map(({ coachId, studentId }) => ({ coachId, studentId })),
  };
}
