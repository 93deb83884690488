// PUT /api/playbook/assessment-windows: the periods in which students may choose to be assessed.
import { apiFetch } from '../../../lib/api-client';
import { ifMatch, type AssessmentWindow, type Revised } from './types';

export const setAssessmentWindows = (revision: number, windows: AssessmentWindow[]) =>
  apiFetch<Revised>('/api/playbook/assessment-windows', { method: 'PUT', body: { windows }, headers: ifMatch(revision) });
