// POST /api/evidence/outcomes/:outcomeId/items: a link, a text or a prior-learning claim in the open attempt.
import { apiRequest } from '../../../lib/api-client';
import { attemptAnswerSchema } from './schemas';

export type NewEvidence =
  | { kind: 'link'; url: string; title?: string }
  | { kind: 'text'; text: string }
  | { kind: 'prior-learning'; claim: 'prior_learning' | 'work_experience'; description: string };

export const addEvidence = (outcomeId: string, evidence: NewEvidence) =>
  apiRequest(`/api/evidence/outcomes/${encodeURIComponent(outcomeId)}/items`, attemptAnswerSchema, { method: 'POST', body: evidence });
