// Around a student's route: learning goals, proposed own activities, the study plan, and signing up for sessions.
import { Router } from 'express';
import type { LearningRouteDeps } from '../deps';
import { addOwnGoal, proposeOwnActivity, removeOwnGoal, saveOwnStudyPlan } from '../use-cases/own-route-plan';
import { listSessions } from '../use-cases/session-list';
import { cancelSessionSignUp, signUpForSession } from '../use-cases/session-signup';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import {
  goalParamsSchema,
  goalSchema,
  proposalSchema,
  sessionParamsSchema,
  studyPlanSchema,
  versionQuerySchema,
  type GoalBody,
  type ProposalBody,
  type SessionParams,
  type StudyPlanBody,
  type VersionBody,
} from '../schemas';
import { openRouteView } from '../views';

export function routePlanRoutes(deps: LearningRouteDeps): Router {
  const router = Router();
  const student = requireRole('student');

  router.post('/api/route/goals', student, validate(goalSchema), async (req, res) => {
    const { version, text } = req.body as GoalBody;
    res.status(201).json(openRouteView(await addOwnGoal(deps, { session: sessionOf(res), version, text })));
  });

  router.delete('/api/route/goals/:goalId', student, validate(goalParamsSchema, 'params'), validate(versionQuerySchema, 'query'), async (req, res) => {
    const { version } = req.query as unknown as VersionBody;
    res.json(openRouteView(await removeOwnGoal(deps, { session: sessionOf(res), version, goalId: String(req.params.goalId) })));
  });

  router.post('/api/route/proposals', student, validate(proposalSchema), async (req, res) => {
    const { version, ...activity } = req.body as ProposalBody;
    res.status(201).json(openRouteView(await proposeOwnActivity(deps, { session: sessionOf(res), version, activity })));
  });

  router.put('/api/route/study-plan', student, validate(studyPlanSchema), async (req, res) => {
    const { version, coachId, ...plan } = req.body as StudyPlanBody;
    const studyPlan = coachId ? { ...plan, coachId } : plan;
    res.json(openRouteView(await saveOwnStudyPlan(deps, { session: sessionOf(res), version, plan: studyPlan })));
  });

  router.get('/api/route/sessions', student, async (_req, res) => {
    res.json({ sessions: await listSessions(deps, { session: sessionOf(res) }) });
  });

  router.post('/api/route/sessions/:activityId/:sessionId', student, validate(sessionParamsSchema, 'params'), async (req, res) => {
    const { activityId, sessionId } = req.params as SessionParams;
    const seat = await signUpForSession(deps, { session: sessionOf(res), activityId, sessionId });
    res.status(seat.status === 'signed_up' ? 201 : 200).json(seat);
  });

  router.delete('/api/route/sessions/:activityId/:sessionId', student, validate(sessionParamsSchema, 'params'), async (req, res) => {
    const { activityId, sessionId } = req.params as SessionParams;
    res.json(await cancelSessionSignUp(deps, { session: sessionOf(res), activityId, sessionId }));
  });

  return router;
}
