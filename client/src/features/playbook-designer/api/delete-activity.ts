// DELETE /api/playbook/activities/:id: also takes it out of the recommended route, rules and prerequisites.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type Revised } from './types';

export const deleteActivity = (revision: number, id: string) =>
  apiFetch<Revised>(`/api/playbook/activities/${encodeURIComponent(id)}`, { method: 'DELETE', headers: ifMatch(revision) });
