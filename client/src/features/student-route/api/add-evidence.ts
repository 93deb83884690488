// POST /api/evidence/outcomes/:outcomeId/items: a link, a text or a prior-learning claim in the open attempt.
import { apiFetch } from '../../../lib/api-client';
import type { Attempt } from './types';

export type NewEvidence =
  | { kind: 'link'; url: string; title?: string }
  | { kind: 'text'; text: string }
  | { kind: 'prior-learning'; claim: 'prior_learning' | 'work_experience'; description: string };

export const addEvidence = (outcomeId: string, evidence: NewEvidence) =>
  apiFetch<{ attempt: Attempt }>(`/api/evidence/outcomes/${encodeURIComponent(outcomeId)}/items`, { method: 'POST', body: evidence });
