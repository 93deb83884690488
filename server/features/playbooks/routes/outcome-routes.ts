// Learning outcomes of the placement's playbook: write, rubric, publish, delete. Teachers only.
import { Router, type Response } from 'express';
import {
  createOutcome,
  deleteOutcome,
  findOutcome,
  publishOutcomeOfPlaybook,
  setRubric,
  updateOutcome,
} from '../use-cases/outcome-use-cases';
import type { StoredPlaybook } from '../data/playbook-repository';
import { requireRole, sessionOf } from '../../../http/auth';
import { validate } from '../../../http/validate';
import { useCaseDepsOf, type PlaybookRouteDeps } from './route-deps';
import { outcomeSchema, rubricSchema, type OutcomeBody, type RubricBody } from '../schemas/outcome-schema';
import { requireRevision, revisionOf, sendRevised } from './revision';
import { outcomeDesignView } from '../views';

const ONE = '/api/playbook/outcomes/:outcomeId';

export function outcomeRoutes(deps: PlaybookRouteDeps): Router {
  const router = Router();
  const useCaseDeps = useCaseDepsOf(deps);
  const teacher = requireRole('teacher');
  const edit = (res: Response) => ({ session: sessionOf(res), revision: revisionOf(res) });

  router.post('/api/playbook/outcomes', teacher, requireRevision(), validate(outcomeSchema), async (req, res) => {
    const { stored, outcomeId } = await createOutcome(useCaseDeps, { ...edit(res), outcome: req.body as OutcomeBody });
    sendOutcome(res, stored, outcomeId, 201);
  });

  router.put(ONE, teacher, requireRevision(), validate(outcomeSchema), async (req, res) => {
    const outcomeId = String(req.params.outcomeId);
    const stored = await updateOutcome(useCaseDeps, { ...edit(res), outcomeId, outcome: req.body as OutcomeBody });
    sendOutcome(res, stored, outcomeId);
  });

  router.put(`${ONE}/rubric`, teacher, requireRevision(), validate(rubricSchema), async (req, res) => {
    const outcomeId = String(req.params.outcomeId);
    const stored = await setRubric(useCaseDeps, { ...edit(res), outcomeId, rubric: req.body as RubricBody });
    sendOutcome(res, stored, outcomeId);
  });

  router.post(`${ONE}/publish`, teacher, requireRevision(), async (req, res) => {
    const outcomeId = String(req.params.outcomeId);
    const stored = await publishOutcomeOfPlaybook(useCaseDeps, { ...edit(res), outcomeId });
    sendOutcome(res, stored, outcomeId);
  });

  router.delete(ONE, teacher, requireRevision(), async (req, res) => {
    const stored = await deleteOutcome(useCaseDeps, { ...edit(res), outcomeId: String(req.params.outcomeId) });
    sendRevised(res, stored);
  });

  return router;
}

function sendOutcome(res: Response, stored: StoredPlaybook, outcomeId: string, status = 200): void {
  sendRevised(res, stored, { outcome: outcomeDesignView(findOutcome(stored.outcomes, outcomeId)) }, status);
}
