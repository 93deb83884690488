// PATCH /api/playbook: title, description, self-direction level and course start.
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type SelfDirectionLevel } from './types';
import { revisionOnly } from './schemas';

export interface DetailsInput {
  title?: string;
  description?: string;
  selfDirectionLevel?: SelfDirectionLevel;
  courseStartDate?: string | null;
}

export const updateDetails = (revision: number, details: DetailsInput) =>
  apiRequest('/api/playbook', revisionOnly, { method: 'PATCH', body: details, headers: ifMatch(revision) });
