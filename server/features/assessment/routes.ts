// The teacher's side of assessment: the grading queue, an attempt beside its self-assessment and history, grading, second assessors, settings.
import { Router, type Request } from 'express';
import type { Connection } from 'mongoose';
import { attemptDetail } from '../../assessment/attempt-detail';
import { decideClaim } from '../../assessment/decide-claim';
import { gradeAttempt } from '../../assessment/grade-attempt';
import type { GradePublisher } from '../../assessment/grade-publisher';
import { listGradingQueue } from '../../assessment/grading-queue';
import { readGradingSettings, setFinalGradeSettings, setOutcomeGradingSettings } from '../../assessment/settings-use-cases';
import { createEvidenceDeps } from '../../evidence/evidence-deps';
import type { CourseRecords } from '../../store/lti/course-records';
import { GRADERS } from '../../lti/roles';
import { requireRole, sessionOf } from '../auth';
import { validate } from '../validate';
import {
  assessmentSchema,
  decisionSchema,
  finalSettingsSchema,
  outcomeSettingsSchema,
  queueQuerySchema,
  type AssessmentBody,
  type DecisionBody,
  type FinalSettingsBody,
  type OutcomeSettingsBody,
  type QueueQuery,
} from './schema';

export function assessmentRoutes(props: { connection: Connection; records: CourseRecords; publisher: GradePublisher }): Router {
  const router = Router();
  const deps = createEvidenceDeps(props);
  const teacher = requireRole('teacher');
  // Assistants (a Canvas TA, a Brightspace Teaching Assistant) grade; the grading settings stay the teacher's.
  const grader = requireRole(...GRADERS);

  router.get('/api/assessment/queue', grader, validate(queueQuerySchema, 'query'), async (req, res) => {
    const { outcomeId } = req.query as QueueQuery;
    res.json(await listGradingQueue(deps, { session: sessionOf(res), ...(outcomeId ? { outcomeIds: outcomeId } : {}) }));
  });

  router.get('/api/assessment/attempts/:attemptId', grader, async (req, res) => {
    res.json(await attemptDetail(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId') }));
  });

  router.post('/api/assessment/attempts/:attemptId/grade', grader, validate(assessmentSchema), async (req, res) => {
    const attempt = await gradeAttempt(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId'), assessment: req.body as AssessmentBody });
    res.json({ attempt });
  });

  router.post('/api/assessment/attempts/:attemptId/decisions', grader, validate(decisionSchema), async (req, res) => {
    const attempt = await decideClaim(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId'), ...(req.body as DecisionBody) });
    res.json({ attempt });
  });

  router.get('/api/assessment/settings', grader, async (_req, res) => {
    res.json(await readGradingSettings(deps, { session: sessionOf(res) }));
  });

  router.put('/api/assessment/settings/outcomes/:outcomeId', teacher, validate(outcomeSettingsSchema), async (req, res) => {
    const settings = req.body as OutcomeSettingsBody;
    res.json(await setOutcomeGradingSettings(deps, { session: sessionOf(res), outcomeId: param(req, 'outcomeId'), settings }));
  });

  router.put('/api/assessment/settings/final', teacher, validate(finalSettingsSchema), async (req, res) => {
    res.json(await setFinalGradeSettings(deps, { session: sessionOf(res), settings: req.body as FinalSettingsBody }));
  });

  return router;
}

function param(req: Request, name: string): string {
  return String(req.params[name]);
}
