// POST /api/playbook/outcomes/:id/publish: students may read the outcome and its criteria from now on.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type OutcomeView, type Revised } from './types';

export const publishOutcome = (revision: number, id: string) =>
  apiFetch<Revised<{ outcome: OutcomeView }>>(`/api/playbook/outcomes/${encodeURIComponent(id)}/publish`, { method: 'POST', headers: ifMatch(revision) });
