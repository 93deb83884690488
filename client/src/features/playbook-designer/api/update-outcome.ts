// PUT /api/playbook/outcomes/:id: the outcome as the teacher rewrote it.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type OutcomeInput, type OutcomeView, type Revised } from './types';

export const updateOutcome = (revision: number, id: string, outcome: OutcomeInput) =>
  apiFetch<Revised<{ outcome: OutcomeView }>>(`/api/playbook/outcomes/${encodeURIComponent(id)}`, { method: 'PUT', body: outcome, headers: ifMatch(revision) });
