// PUT /api/playbook/outcomes/:id/rubric: the criteria with their levels, points and pass level.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type RubricCriterion } from './types';
import { outcomeSchema, revised } from './schemas';

export const setRubric = (revision: number, id: string, criteria: RubricCriterion[]) =>
  apiRequest(`/api/playbook/outcomes/${encodeURIComponent(id)}/rubric`, revised(z.object({ outcome: outcomeSchema })), {
    method: 'PUT',
    body: { criteria },
    headers: ifMatch(revision),
  });
