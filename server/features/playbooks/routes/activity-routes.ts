// Activities of the placement's playbook, one cell of the 3-3-5 grid each. Teachers only.
import { Router, type Response } from 'express';
import { createActivity, deleteActivity, findActivityOf, updateActivity } from '../use-cases/activity-use-cases';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import { activitySchema, type ActivityBody } from '../schemas/activity-schema';
import { useCaseDepsOf, type PlaybookRouteDeps } from './route-deps';
import { requireRevision, revisionOf, sendRevised } from './revision';

const ONE = '/api/playbook/activities/:activityId';

export function activityRoutes(deps: PlaybookRouteDeps): Router {
  const router = Router();
  const useCaseDeps = useCaseDepsOf(deps);
  const teacher = requireRole('teacher');
  const edit = (res: Response) => ({ session: sessionOf(res), revision: revisionOf(res) });

  router.post('/api/playbook/activities', teacher, requireRevision(), validate(activitySchema), async (req, res) => {
    const { stored, activityId } = await createActivity(useCaseDeps, { ...edit(res), activity: req.body as ActivityBody });
    sendRevised(res, stored, { activity: findActivityOf(stored.playbook.activities, activityId) }, 201);
  });

  router.put(ONE, teacher, requireRevision(), validate(activitySchema), async (req, res) => {
    const activityId = String(req.params.activityId);
    const stored = await updateActivity(useCaseDeps, { ...edit(res), activityId, activity: req.body as ActivityBody });
    sendRevised(res, stored, { activity: findActivityOf(stored.playbook.activities, activityId) });
  });

  router.delete(ONE, teacher, requireRevision(), async (req, res) => {
    const { stored, detached } = await deleteActivity(useCaseDeps, { ...edit(res), activityId: String(req.params.activityId) });
    sendRevised(res, stored, { detached });
  });

  return router;
}
