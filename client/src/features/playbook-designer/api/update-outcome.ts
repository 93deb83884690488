// PUT /api/playbook/outcomes/:id: the outcome as the teacher rewrote it.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type OutcomeInput } from './types';
import { outcomeSchema, revised } from './schemas';

/** `confirm`: the teacher agreed to change an outcome students already saw (asked after a 409 published_change_unconfirmed). */
export const updateOutcome = (revision: number, id: string, outcome: OutcomeInput, confirm = false) =>
  apiRequest(`/api/playbook/outcomes/${encodeURIComponent(id)}`, revised(z.object({ outcome: outcomeSchema })), {
    method: 'PUT',
    body: confirm ? { ...outcome, confirm } : outcome,
    headers: ifMatch(revision),
  });
