// The teacher's view of the course's audit trail, and its export for the exam board. Read-only: there is no route
// that changes an entry (PUT/PATCH/DELETE answer 404 like any unknown route).
import { Router } from 'express';
import { z } from 'zod';
import { requireRole, sessionOf } from '../../http/auth';
import { validate } from '../../http/validate';
import { contextKeyOf } from '../playbooks/index';
import type { AuditRepository } from './data/audit-repository';
import { auditTrailCsv } from './use-cases/export-trail';

const exportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });

export function auditTrailRoutes(deps: { audit: AuditRepository }): Router {
  const router = Router();

  router.get('/api/audit-trail', requireRole('teacher'), async (_req, res) => {
    res.json({ entries: await deps.audit.listForCourse(contextKeyOf(sessionOf(res))) });
  });

  router.get('/api/audit-trail/export', requireRole('teacher'), validate(exportQuerySchema, 'query'), async (req, res) => {
    const course = contextKeyOf(sessionOf(res));
    const entries = await deps.audit.listForCourse(course);
    const name = `audit-trail-${course.contextId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    if ((req.query as z.infer<typeof exportQuerySchema>).format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(auditTrailCsv(entries));
      return;
    }
    res.attachment(`${name}.json`).json({ course, exportedAt: new Date(), entries });
  });

  return router;
}
