// PUT /api/playbook/outcomes/:id/rubric: the criteria with their levels, points and pass level.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type OutcomeView, type Revised, type RubricCriterion } from './types';

export const setRubric = (revision: number, id: string, criteria: RubricCriterion[]) =>
  apiFetch<Revised<{ outcome: OutcomeView }>>(`/api/playbook/outcomes/${encodeURIComponent(id)}/rubric`, {
    method: 'PUT',
    body: { criteria },
    headers: ifMatch(revision),
  });
