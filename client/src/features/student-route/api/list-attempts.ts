// GET /api/evidence/attempts: the student's attempts, with feedback once graded.
import { apiFetch } from '../../../lib/api-client';
import type { Attempt } from './types';

export const listAttempts = () => apiFetch<{ attempts: Attempt[] }>('/api/evidence/attempts');
