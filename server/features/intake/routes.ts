// The intake endpoints (see README.md in this folder for each request and answer).
import { Router } from 'express';
import { STAFF } from '../../lti/roles';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import type { IntakeDeps } from './deps';
import {
  designSchema,
  intakeSchema,
  reviewParamsSchema,
  reopenSchema,
  reviewSchema,
  studentParamsSchema,
  versionSchema,
  type DesignBody,
  type IntakeBody,
  type ReopenBody,
  type ReviewBody,
  type VersionBody,
} from './schemas';
import { readDesign, saveDesign } from './use-cases/design';
import { openOwnIntake, saveOwnIntake, submitOwnIntake } from './use-cases/own-intake';
import { classStartPosition, reopenIntake, reviewDiagnostic, standingsInScope, studentIntake } from './use-cases/staff-intake';
import { classIntakesView, designView, ownIntakeView, staffIntakeView } from './views';

export function intakeRoutes(deps: IntakeDeps): Router {
  const router = Router();
  const teacher = requireRole('teacher');
  const staff = requireRole(...STAFF);
  const student = requireRole('student');
  const isTeacher = (roles: readonly string[]) => roles.includes('teacher');

  router.get('/api/intake/design', staff, async (_req, res) => {
    res.json(designView(await readDesign(deps, { session: sessionOf(res) })));
  });

  router.put('/api/intake/design', teacher, validate(designSchema), async (req, res) => {
    const { version, outcomes } = req.body as DesignBody;
    res.json(designView(await saveDesign(deps, { session: sessionOf(res), version, outcomes })));
  });

  router.get('/api/intake', student, async (_req, res) => {
    const own = await openOwnIntake(deps, { session: sessionOf(res) });
    res.json(ownIntakeView({ context: own, response: own.response, result: own.result }));
  });

  router.put('/api/intake', student, validate(intakeSchema), async (req, res) => {
    const body = req.body as IntakeBody;
    const own = await saveOwnIntake(deps, { session: sessionOf(res), ...body });
    res.json(ownIntakeView({ context: own, response: own.response, result: own.result }));
  });

  router.post('/api/intake/submit', student, validate(versionSchema), async (req, res) => {
    const { version } = req.body as VersionBody;
    const own = await submitOwnIntake(deps, { session: sessionOf(res), version });
    res.json(ownIntakeView({ context: own, response: own.response, result: own.result }));
  });

  router.get('/api/intake/students', staff, async (_req, res) => {
    const session = sessionOf(res);
    res.json(classIntakesView(await standingsInScope(deps, { session }), isTeacher(session.roles)));
  });

  router.get('/api/intake/students/:studentId', staff, validate(studentParamsSchema, 'params'), async (req, res) => {
    const session = sessionOf(res);
    const found = await studentIntake(deps, { session, studentId: String(req.params.studentId) });
    res.json(staffIntakeView(found, isTeacher(session.roles)));
  });

  router.post('/api/intake/students/:studentId/diagnostics/:outcomeId/review', teacher, validate(reviewParamsSchema, 'params'), validate(reviewSchema), async (req, res) => {
    const session = sessionOf(res);
    const { version, comment, rank } = req.body as ReviewBody;
    const found = await reviewDiagnostic(deps, { session, studentId: String(req.params.studentId), outcomeId: String(req.params.outcomeId), version, comment, rank });
    res.json(staffIntakeView(found, true));
  });

  router.post('/api/intake/students/:studentId/reopen', teacher, validate(studentParamsSchema, 'params'), validate(reopenSchema), async (req, res) => {
    const { version, reason } = req.body as ReopenBody;
    res.json(staffIntakeView(await reopenIntake(deps, { session: sessionOf(res), studentId: String(req.params.studentId), version, reason }), true));
  });

  router.get('/api/intake/class-start', staff, async (_req, res) => {
    const { students, submitted, points, standings } = await classStartPosition(deps, { session: sessionOf(res) });
    const labels = new Map(designView(standings).outcomes.map((o) => [o.outcomeId, o]));
    res.json({
      students,
      submitted,
      points: points.map((p) => ({ ...p, title: labels.get(p.outcomeId)?.title ?? '', levels: labels.get(p.outcomeId)?.levels ?? [] })),
    });
  });

  return router;
}
