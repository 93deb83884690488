// DELETE /api/playbook/activities/:id: also takes it out of the recommended route, rules and prerequisites.
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { revisionOnly } from './schemas';

export const deleteActivity = (revision: number, id: string) =>
  apiRequest(`/api/playbook/activities/${encodeURIComponent(id)}`, revisionOnly, { method: 'DELETE', headers: ifMatch(revision) });
