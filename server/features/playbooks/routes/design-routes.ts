// The playbook's design as a whole and its frame: details, rules, recommended route, windows, publishing and the quality report.
import { Router } from 'express';
import { checkRouteRules } from '../../../domain/route-rules';
import { placementPlaybook } from '../use-cases/placement-playbook';
import { publishPlaybook, unpublishPlaybook } from '../use-cases/publish-playbook';
import { playbookHistory } from '../use-cases/playbook-history';
import { qualityReport } from '../use-cases/quality-report';
import { setAssessmentWindows, setRecommendedRoute, setRules, updateDetails } from '../use-cases/settings-use-cases';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import { useCaseDepsOf, type PlaybookRouteDeps } from './route-deps';
import { requireRevision, revisionOf, sendRevised } from './revision';
import {
  assessmentWindowsSchema,
  detailsSchema,
  recommendedRouteSchema,
  rulesSchema,
  type AssessmentWindowsBody,
  type DetailsBody,
  type RecommendedRouteBody,
  type RulesBody,
} from '../schemas/design-schema';
import { designView } from '../views';

export function designRoutes(deps: PlaybookRouteDeps): Router {
  const router = Router();
  const useCaseDeps = useCaseDepsOf(deps);
  const teacher = requireRole('teacher');
  const edit = (of: Parameters<typeof validate>[0]) => [teacher, requireRevision(), validate(of)];

  router.get('/api/playbook', teacher, async (_req, res) => {
    const stored = await placementPlaybook(useCaseDeps, { session: sessionOf(res) });
    sendRevised(res, stored, designView(stored));
  });

  router.patch('/api/playbook', ...edit(detailsSchema), async (req, res) => {
    const details = req.body as DetailsBody;
    const stored = await updateDetails(useCaseDeps, { session: sessionOf(res), revision: revisionOf(res), details });
    const { title, description, selfDirectionLevel, courseStartDate } = stored.playbook;
    sendRevised(res, stored, { title, description, selfDirectionLevel, courseStartDate: courseStartDate ?? null });
  });

  router.put('/api/playbook/rules', ...edit(rulesSchema), async (req, res) => {
    const stored = await setRules(useCaseDeps, { session: sessionOf(res), revision: revisionOf(res), rules: req.body as RulesBody });
    sendRevised(res, stored, { rules: stored.playbook.rules });
  });

  router.put('/api/playbook/recommended-route', ...edit(recommendedRouteSchema), async (req, res) => {
    const { activityIds } = req.body as RecommendedRouteBody;
    const stored = await setRecommendedRoute(useCaseDeps, { session: sessionOf(res), revision: revisionOf(res), activityIds });
    const check = checkRouteRules(stored.playbook, { entries: activityIds.map((activityId) => ({ activityId })) });
    sendRevised(res, stored, { recommendedRoute: stored.playbook.recommendedRoute, check });
  });

  router.put('/api/playbook/assessment-windows', ...edit(assessmentWindowsSchema), async (req, res) => {
    const { windows } = req.body as AssessmentWindowsBody;
    const stored = await setAssessmentWindows(useCaseDeps, { session: sessionOf(res), revision: revisionOf(res), windows });
    sendRevised(res, stored, { assessmentWindows: stored.playbook.assessmentWindows });
  });

  router.post('/api/playbook/publish', teacher, requireRevision(), async (_req, res) => {
    const { stored, warnings } = await publishPlaybook(useCaseDeps, { session: sessionOf(res), revision: revisionOf(res) });
    sendRevised(res, stored, { status: stored.playbook.status, publishedAt: stored.playbook.publishedAt ?? null, warnings });
  });

  router.post('/api/playbook/unpublish', teacher, requireRevision(), async (_req, res) => {
    const stored = await unpublishPlaybook(useCaseDeps, { session: sessionOf(res), revision: revisionOf(res) });
    sendRevised(res, stored, { status: stored.playbook.status, publishedAt: stored.playbook.publishedAt ?? null });
  });

  router.get('/api/playbook/history', teacher, async (_req, res) => {
    res.json({ history: await playbookHistory(useCaseDeps, { session: sessionOf(res) }) });
  });

  router.get('/api/playbook/quality', teacher, async (_req, res) => {
    const { stored, checks, readiness } = await qualityReport(useCaseDeps, { session: sessionOf(res) });
    sendRevised(res, stored, { checks, publishable: readiness.blocking.length === 0, blocking: readiness.blocking });
  });

  return router;
}
