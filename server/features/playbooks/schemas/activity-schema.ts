// Request body of the activity endpoints: one cell of the 3-3-5 grid with its load, schedule and prerequisites.
import { z } from 'zod';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../../domain/activity-grid';
import { webLinkSchema } from '../../../domain/web-link';
import { idString, instant, longText, noRepeats, title } from './design-schema';

const sessionSchema = z
  .object({
    id: idString.optional(),
    startsAt: instant,
    endsAt: instant.optional(),
    place: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    capacity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000),
  })
  .refine((s) => !s.endsAt || s.endsAt > s.startsAt, { path: ['endsAt'], message: 'must be after startsAt' });


export const activitySchema = z.object({
  title,
  description: longText,
  environment: z.enum(ENVIRONMENTS),
  form: z.enum(LEARNING_FORMS),
  type: z.enum(ACTIVITY_TYPES),
  links: z.array(webLinkSchema).max(30).default([]),
  studyLoadHours: z.number().min(0, 'must not be negative').max(1000, 'must be at most 1000'),
  schedule: z
    .discriminatedUnion(
      'kind',
      [
        z.object({ kind: z.literal('asynchronous') }),
        z.object({ kind: z.literal('synchronous'), sessions: z.array(sessionSchema).max(100).superRefine(noRepeats((s) => s.id)) }),
      ],
      { message: 'kind must be asynchronous or synchronous' },
    )
    .default({ kind: 'asynchronous' }),
  prerequisiteIds: z.array(idString).max(50).default([]).superRefine(noRepeats((id) => id, 'is listed twice')),
});

export type ActivityBody = z.infer<typeof activitySchema>;
