// The teacher's view of grade passback for the launched placement: what went to the gradebook, what waits, what failed and why.
import { Router } from 'express';
import type { Grades } from '../../grades/index';
import { placementKeyOf } from '../../placements/placement-keys';
import { requireRole, sessionOf } from '../auth';
import { validate } from '../validate';
import { deliveriesQuerySchema, deliveryParamsSchema, type DeliveriesQuery } from './schema';

export function gradeDeliveryRoutes(deps: { grades: Pick<Grades, 'listDeliveries' | 'retryDelivery'> }): Router {
  const router = Router();

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
    res.json({ delivery });
  });

  return router;
}
