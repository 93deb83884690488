// The teacher's view of grade passback for the launched placement: what went to the gradebook, what waits, what failed and why, and whether the LMS agrees.
import { Router } from 'express';
import type { DeliveryView, Grades } from './index';
import type { LaunchSession } from '../../lti/session-token';
import { placementKeyOf } from '../playbooks/index';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import { deliveriesQuerySchema, deliveryParamsSchema, gradebookQuerySchema, type DeliveriesQuery, type GradebookQuery } from './schemas';

export function gradeDeliveryRoutes(deps: {
  grades: Pick<Grades, 'listDeliveries' | 'retryDelivery' | 'gradebook' | 'resendGrade'>;
  /** Told of each grade a teacher sends again, for the audit trail (server/features/audit-trail). */
  onResent?: (props: { session: LaunchSession; how: 'resend' | 'retry'; delivery: DeliveryView }) => Promise<void>;
}): Router {
  const router = Router();
  const resent = deps.onResent ?? (async () => undefined);

  router.get('/api/grades/deliveries', requireRole('teacher'), validate(deliveriesQuerySchema, 'query'), async (req, res) => {
    const query = req.query as unknown as DeliveriesQuery;
    const deliveries = await deps.grades.listDeliveries({
      scope: placementKeyOf(sessionOf(res)),
      ...(query.state ? { states: query.state } : {}),
      ...(query.student ? { userId: query.student } : {}),
    });
    res.json({ deliveries });
  });

  router.post('/api/grades/deliveries/:id/retry', requireRole('teacher'), validate(deliveryParamsSchema, 'params'), async (req, res) => {
    const delivery = await deps.grades.retryDelivery({ scope: placementKeyOf(sessionOf(res)), id: String(req.params.id) });
    await resent({ session: sessionOf(res), how: 'retry', delivery });
    res.json({ delivery });
  });

  // Per student: the grade Playroute believes is in the gradebook, checked against the LMS's own (AGS results).
  router.get('/api/grades/gradebook', requireRole('teacher'), validate(gradebookQuerySchema, 'query'), async (req, res) => {
    const query = req.query as unknown as GradebookQuery;
    const rows = await deps.grades.gradebook({ scope: placementKeyOf(sessionOf(res)), ...(query.student ? { userId: query.student } : {}) });
    res.json({ rows });
  });

  router.post('/api/grades/gradebook/:id/resend', requireRole('teacher'), validate(deliveryParamsSchema, 'params'), async (req, res) => {
    const delivery = await deps.grades.resendGrade({ scope: placementKeyOf(sessionOf(res)), id: String(req.params.id) });
    await resent({ session: sessionOf(res), how: 'resend', delivery });
    res.json({ delivery });
  });

  return router;
}
