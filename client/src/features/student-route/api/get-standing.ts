// GET /api/evidence/standing: the grade per outcome and the final grade.
import { apiFetch } from '../../../lib/api-client';
import type { Standing } from './types';

export const getStanding = () => apiFetch<Standing>('/api/evidence/standing');
