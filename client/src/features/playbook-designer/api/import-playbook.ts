// POST /api/playbook/import: replaces this draft playbook by the contents of an exported file.
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { revisionOnly } from './schemas';

export const importPlaybook = (revision: number, file: unknown) =>
  apiRequest('/api/playbook/import', revisionOnly, { method: 'POST', body: file, headers: ifMatch(revision) });
