// GET /api/placement: the playbook this link opens, if the teacher has set one up.
import { apiFetch } from '../../../lib/api-client';

export interface PlacementPlaybook {
  id: string;
  title: string;
  status: 'draft' | 'published';
  outcomeCount: number;
}

export const getPlacement = () => apiFetch<{ playbook: PlacementPlaybook | null }>('/api/placement');
