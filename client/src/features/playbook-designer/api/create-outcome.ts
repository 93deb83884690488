// POST /api/playbook/outcomes: a new learning outcome (a draft until published).
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type OutcomeInput, type OutcomeView, type Revised } from './types';

export const createOutcome = (revision: number, outcome: OutcomeInput) =>
  apiFetch<Revised<{ outcome: OutcomeView }>>('/api/playbook/outcomes', { method: 'POST', body: outcome, headers: ifMatch(revision) });
