// DELETE /api/playbook/outcomes/:id.
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { revisionOnly } from './schemas';

export const deleteOutcome = (revision: number, id: string) =>
  apiRequest(`/api/playbook/outcomes/${encodeURIComponent(id)}`, revisionOnly, { method: 'DELETE', headers: ifMatch(revision) });
