// PUT /api/playbook/assessment-windows: the periods in which students may choose to be assessed.
import { apiRequest } from '../../../lib/api-client';
import { ifMatch, type AssessmentWindow } from './types';
import { revisionOnly } from './schemas';

export const setAssessmentWindows = (revision: number, windows: AssessmentWindow[]) =>
  apiRequest('/api/playbook/assessment-windows', revisionOnly, { method: 'PUT', body: { windows }, headers: ifMatch(revision) });
