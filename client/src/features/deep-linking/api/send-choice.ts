// POST /api/deep-linking/response: turns the teacher's choice into the signed answer for the LMS.
import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

export type PlacementChoice = { kind: 'new'; title: string } | { kind: 'existing'; playbookId: string } | { kind: 'copy'; playbookId: string };

const answerSchema = z.object({ returnUrl: z.string(), jwt: z.string() });

export const sendPlacementChoice = (choice: PlacementChoice) => apiRequest('/api/deep-linking/response', answerSchema, { method: 'POST', body: { choice } });

/** Nothing to invalidate: a successful answer leaves Playroute for the LMS (`onSuccess` posts it there). */
export function useSendPlacementChoiceMutation(onSuccess: (answer: z.infer<typeof answerSchema>) => void) {
  return useMutation({ mutationFn: sendPlacementChoice, onSuccess });
}
