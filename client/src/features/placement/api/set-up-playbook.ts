// POST /api/placement/playbook: a teacher starts an empty playbook for a link that has none.
import { apiFetch } from '../../../lib/api-client';
import type { PlacementPlaybook } from './get-placement';

export const setUpPlaybook = (title: string) =>
  apiFetch<{ playbook: PlacementPlaybook }>('/api/placement/playbook', { method: 'POST', body: { title } });
