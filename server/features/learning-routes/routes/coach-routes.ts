// A coach's (or teacher's) work on their students' routes: list them, read one, approve or return it, set the level, decide on proposals.
import { Router } from 'express';
import { listCoachStudents } from '../use-cases/coach-student-list';
import { approveStudentRoute, returnStudentRoute, reviewStudentProposal, setLevelOfStudent } from '../use-cases/coach-reviews';
import type { LearningRouteDeps } from '../deps';
import { findStudentRoute } from '../use-cases/student-route';
import { STAFF } from '../../../lti/roles';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import {
  levelSchema,
  proposalParamsSchema,
  proposalReviewSchema,
  returnSchema,
  studentParamsSchema,
  versionSchema,
  type LevelBody,
  type ProposalParams,
  type ProposalReviewBody,
  type ReturnBody,
  type VersionBody,
} from '../schemas';
import { coachStudentsView, historyView, openRouteView, studentRouteView } from '../views';

export function coachRouteRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  // Whose students each may reach is decided by studentsInScope, not here.
  const staff = requireRole(...STAFF);
  const student = validate(studentParamsSchema, 'params');
  const studentIdOf = (params: Record<string, unknown>) => String(params.studentId);

  router.get('/api/coach/students', staff, async (_req, res) => {
    res.json(coachStudentsView(await listCoachStudents(deps, { session: sessionOf(res) })));
  });

  router.get('/api/coach/routes/:studentId', staff, student, async (req, res) => {
    res.json(studentRouteView(await findStudentRoute(deps, { session: sessionOf(res), studentId: studentIdOf(req.params) })));
  });

  router.get('/api/coach/routes/:studentId/history', staff, student, async (req, res) => {
    const found = await findStudentRoute(deps, { session: sessionOf(res), studentId: studentIdOf(req.params) });
    res.json(historyView(found.route ? await deps.routes.history(found.route.id) : []));
  });

  router.post('/api/coach/routes/:studentId/approve', staff, student, validate(versionSchema), async (req, res) => {
    const { version } = req.body as VersionBody;
    res.json(openRouteView(await approveStudentRoute(deps, { session: sessionOf(res), studentId: studentIdOf(req.params), version })));
  });

  router.post('/api/coach/routes/:studentId/return', staff, student, validate(returnSchema), async (req, res) => {
    const { version, comment } = req.body as ReturnBody;
    res.json(openRouteView(await returnStudentRoute(deps, { session: sessionOf(res), studentId: studentIdOf(req.params), version, comment })));
  });

  router.put('/api/coach/routes/:studentId/level', staff, student, validate(levelSchema), async (req, res) => {
    const { version, level } = req.body as LevelBody;
    res.json(openRouteView(await setLevelOfStudent(deps, { session: sessionOf(res), studentId: studentIdOf(req.params), version, level })));
  });

  router.post('/api/coach/routes/:studentId/proposals/:ownActivityId', staff, validate(proposalParamsSchema, 'params'), validate(proposalReviewSchema), async (req, res) => {
    const { studentId, ownActivityId } = req.params as ProposalParams;
    const { version, decision, comment } = req.body as ProposalReviewBody;
    const changed = await reviewStudentProposal(deps, { session: sessionOf(res), studentId, ownActivityId, version, decision, ...(comment ? { comment } : {}) });
    res.json(openRouteView(changed));
  });

  return router;
}
