// POST /api/playbook/import: replaces this draft playbook by the contents of an exported file.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type Revised } from './types';

export const importPlaybook = (revision: number, file: unknown) =>
  apiFetch<Revised>('/api/playbook/import', { method: 'POST', body: file, headers: ifMatch(revision) });
