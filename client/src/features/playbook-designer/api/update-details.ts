// PATCH /api/playbook: title, description, self-direction level and course start.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type Revised, type SelfDirectionLevel } from './types';

export interface DetailsInput {
  title?: string;
  description?: string;
  selfDirectionLevel?: SelfDirectionLevel;
  courseStartDate?: string | null;
}

export const updateDetails = (revision: number, details: DetailsInput) =>
  apiFetch<Revised>('/api/playbook', { method: 'PATCH', body: details, headers: ifMatch(revision) });
