// PUT /api/playbook/outcomes/:id/rubric: the criteria with their levels, points and pass level.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type RubricCriterion } from './types';
import { outcomeSchema, revised } from './schemas';

/** `confirm`: the teacher agreed to change criteria students already saw (asked after a 409 published_change_unconfirmed). */
export const setRubric = (revision: number, id: string, criteria: RubricCriterion[], confirm = false) =>
  apiRequest(`/api/playbook/outcomes/${encodeURIComponent(id)}/rubric`, revised(z.object({ outcome: outcomeSchema })), {
    method: 'PUT',
    body: confirm ? { criteria, confirm } : { criteria },
    headers: ifMatch(revision),
  });
