// The teacher's side of assessment: the grading queue, an attempt beside its self-assessment and history, grading, second assessors, settings.
import { Router, type Request } from 'express';
import { attemptDetail } from './use-cases/attempt-detail';
import { decideClaim } from './use-cases/decide-claim';
import { gradeAttempt } from './use-cases/grade-attempt';
import { listGradingQueue } from './use-cases/grading-queue';
import { readGradingSettings, setFinalGradeSettings, setOutcomeGradingSettings } from './use-cases/settings-use-cases';
import type { Attempt, EvidenceDeps } from '../evidence/index';
import type { LaunchSession } from '../../lti/session-token';
import { GRADERS } from '../../lti/roles';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
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
} from './schemas';

/** A decision taken here, told to the audit trail (server/features/audit-trail) with the attempt before and after it. */
export interface AssessmentDecisionEvent {
  session: LaunchSession;
  action: 'grade' | 'decision';
  before: Attempt;
  after: Attempt;
  comment?: string;
}

export function assessmentRoutes(deps: EvidenceDeps, onDecision: (event: AssessmentDecisionEvent) => Promise<void> = async () => undefined): Router {
  const router = Router();
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
    const before = await deps.attempts.get(param(req, 'attemptId'));
    const assessment = req.body as AssessmentBody;
    const attempt = await gradeAttempt(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId'), assessment });
    if (before) await onDecision({ session: sessionOf(res), action: 'grade', before, after: attempt, ...(assessment.comment ? { comment: assessment.comment } : {}) });
    res.json({ attempt });
  });

  router.post('/api/assessment/attempts/:attemptId/decisions', grader, validate(decisionSchema), async (req, res) => {
    const before = await deps.attempts.get(param(req, 'attemptId'));
    const body = req.body as DecisionBody;
    const attempt = await decideClaim(deps, { session: sessionOf(res), attemptId: param(req, 'attemptId'), ...body });
    if (before) await onDecision({ session: sessionOf(res), action: 'decision', before, after: attempt, ...(body.comment ? { comment: body.comment } : {}) });
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
