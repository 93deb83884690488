// Learning outcomes of the placement's playbook: write, rubric, publish, delete. Teachers only; changes to criteria students saw need `confirm`.
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
import {
  deleteOutcomeQuerySchema,
  outcomeSchema,
  rubricSchema,
  type DeleteOutcomeQuery,
  type OutcomeBody,
  type RubricBody,
} from '../schemas/outcome-schema';
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
    const { confirm, ...outcome } = req.body as OutcomeBody;
    const stored = await updateOutcome(useCaseDeps, { ...edit(res), outcomeId, outcome, confirm: confirm === true });
    sendOutcome(res, stored, outcomeId);
  });

  router.put(`${ONE}/rubric`, teacher, requireRevision(), validate(rubricSchema), async (req, res) => {
    const outcomeId = String(req.params.outcomeId);
    const { confirm, ...rubric } = req.body as RubricBody;
    const stored = await setRubric(useCaseDeps, { ...edit(res), outcomeId, rubric, confirm: confirm === true });
    sendOutcome(res, stored, outcomeId);
  });

  router.post(`${ONE}/publish`, teacher, requireRevision(), async (req, res) => {
    const outcomeId = String(req.params.outcomeId);
    const stored = await publishOutcomeOfPlaybook(useCaseDeps, { ...edit(res), outcomeId });
    sendOutcome(res, stored, outcomeId);
  });

  router.delete(ONE, teacher, requireRevision(), validate(deleteOutcomeQuerySchema, 'query'), async (req, res) => {
    const confirm = (req.query as DeleteOutcomeQuery).confirm === 'true';
    const stored = await deleteOutcome(useCaseDeps, { ...edit(res), outcomeId: String(req.params.outcomeId), confirm });
    sendRevised(res, stored);
  });

  return router;
}

function sendOutcome(res: Response, stored: StoredPlaybook, outcomeId: string, status = 200): void {
  sendRevised(res, stored, { outcome: outcomeDesignView(findOutcome(stored.outcomes, outcomeId)) }, status);
}
