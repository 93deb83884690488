// PUT /api/playbook/outcomes/:id: the outcome as the teacher rewrote it.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type OutcomeInput } from './types';
import { outcomeSchema, revised } from './schemas';

export const updateOutcome = (revision: number, id: string, outcome: OutcomeInput) =>
  apiRequest(`/api/playbook/outcomes/${encodeURIComponent(id)}`, revised(z.object({ outcome: outcomeSchema })), { method: 'PUT', body: outcome, headers: ifMatch(revision) });
