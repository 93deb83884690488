// DELETE /api/playbook/outcomes/:id.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type Revised } from './types';

export const deleteOutcome = (revision: number, id: string) =>
  apiFetch<Revised>(`/api/playbook/outcomes/${encodeURIComponent(id)}`, { method: 'DELETE', headers: ifMatch(revision) });
