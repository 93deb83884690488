// POST /api/playbook/outcomes/:id/publish: students may read the outcome and its criteria from now on.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { outcomeSchema, revised } from './schemas';

export const publishOutcome = (revision: number, id: string) =>
  apiRequest(`/api/playbook/outcomes/${encodeURIComponent(id)}/publish`, revised(z.object({ outcome: outcomeSchema })), { method: 'POST', headers: ifMatch(revision) });
