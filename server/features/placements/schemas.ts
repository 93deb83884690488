// Request bodies of the placement endpoints.
import { z } from 'zod';

const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const placementChoiceSchema = z.object({
  choice: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('new'), title }),
      z.object({ kind: z.literal('existing'), playbookId: z.string().min(1) }),
      z.object({ kind: z.literal('copy'), playbookId: z.string().min(1) }),
    ],
    { message: 'must be new, existing or copy' },
  ),
});

export const setUpPlaybookSchema = z.object({ title });

export type PlacementChoiceBody = z.infer<typeof placementChoiceSchema>;
export type SetUpPlaybookBody = z.infer<typeof setUpPlaybookSchema>;
