// POST /api/deep-linking/response: turns the teacher's choice into the signed answer for the LMS.
import { apiFetch } from '../../../lib/api-client';

export type PlacementChoice = { kind: 'new'; title: string } | { kind: 'existing'; playbookId: string } | { kind: 'copy'; playbookId: string };

export const sendPlacementChoice = (choice: PlacementChoice) =>
  apiFetch<{ returnUrl: string; jwt: string }>('/api/deep-linking/response', { method: 'POST', body: { choice } });
