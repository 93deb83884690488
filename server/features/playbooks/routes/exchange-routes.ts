// Sharing a playbook between courses (export, import) and the published playbook students read before they start.
import { Router } from 'express';
import { exportPlacementPlaybook, importIntoPlacement } from '../use-cases/exchange-use-cases';
import { publishedPlaybook } from '../use-cases/published-playbook';
import { STAFF } from '../../../lti/roles';
import { requireRole, sessionOf } from '../../../http/auth';
import { useCaseDepsOf, type PlaybookRouteDeps } from './route-deps';
import { requireRevision, revisionOf, sendRevised } from './revision';
import { designView, publishedView } from '../views';

export function exchangeRoutes(deps: PlaybookRouteDeps): Router {
  const router = Router();
  const useCaseDeps = useCaseDepsOf(deps);

  router.get('/api/playbook/export', requireRole('teacher'), async (_req, res) => {
    const { title, file } = await exportPlacementPlaybook(useCaseDeps, { session: sessionOf(res) });
    res.attachment(`${fileNameOf(title)}.playroute.json`).json(file);
  });

  // The body is the exported file itself; the app's JSON parser (1 MB) already bounds it, far above any real playbook.
  router.post('/api/playbook/import', requireRole('teacher'), requireRevision(), async (req, res) => {
    const stored = await importIntoPlacement(useCaseDeps, { session: sessionOf(res), revision: revisionOf(res), file: req.body as unknown });
    sendRevised(res, stored, { design: designView(stored) });
  });

  router.get('/api/playbook/published', requireRole('student', ...STAFF), async (_req, res) => {
    const stored = await publishedPlaybook(useCaseDeps, { session: sessionOf(res) });
    res.json(publishedView(stored));
  });

  return router;
}

/** A plain ASCII name from the title ("Projectmatig werken 2" → "projectmatig-werken-2"), so every browser and disk accepts it. */
export function fileNameOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'playbook';
}
