// GET /api/playbook/quality: the path-independent assessment checks and what still blocks publishing.
import { apiFetch } from '../../../lib/api-client';
import type { DomainMessage, QualityCheck } from './types';

export const getQuality = () => apiFetch<{ checks: QualityCheck[]; publishable: boolean; blocking: DomainMessage[] }>('/api/playbook/quality');
