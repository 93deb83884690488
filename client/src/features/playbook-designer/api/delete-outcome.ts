// DELETE /api/playbook/outcomes/:id.
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { revisionOnly } from './schemas';

/** `confirm`: deleting an outcome students already saw, after the teacher agreed (a delete carries it in the query). */
export const deleteOutcome = (revision: number, id: string, confirm = false) =>
  apiRequest(`/api/playbook/outcomes/${encodeURIComponent(id)}${confirm ? '?confirm=true' : ''}`, revisionOnly, { method: 'DELETE', headers: ifMatch(revision) });
