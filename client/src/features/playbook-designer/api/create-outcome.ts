// POST /api/playbook/outcomes: a new learning outcome (a draft until published).
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type OutcomeInput } from './types';
import { outcomeSchema, revised } from './schemas';

export const createOutcome = (revision: number, outcome: OutcomeInput) =>
  apiRequest('/api/playbook/outcomes', revised(z.object({ outcome: outcomeSchema })), { method: 'POST', body: outcome, headers: ifMatch(revision) });
