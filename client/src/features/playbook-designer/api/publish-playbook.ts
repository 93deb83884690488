// POST /api/playbook/publish: students can choose their route; refused with every blocking reason at once.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type QualityCheck, type Revised } from './types';

export const publishPlaybook = (revision: number) =>
  apiFetch<Revised<{ status: string; publishedAt: string | null; warnings: QualityCheck[] }>>('/api/playbook/publish', { method: 'POST', headers: ifMatch(revision) });
