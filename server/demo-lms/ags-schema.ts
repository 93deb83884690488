// zod schemas of what a tool may send to the Assignment and Grade Services.
import { z } from 'zod';

export const lineItemBodySchema = z.object({
  id: z.string().optional(),
  scoreMaximum: z.number().positive(),
  label: z.string().trim().min(1),
  resourceLinkId: z.string().min(1).optional(),
  resourceId: z.string().optional(),
  tag: z.string().optional(),
  startDateTime: z.iso.datetime({ offset: true }).optional(),
  endDateTime: z.iso.datetime({ offset: true }).optional(),
  gradesReleased: z.boolean().optional(),
});
export type LineItemBody = z.infer<typeof lineItemBodySchema>;

export const ACTIVITY_PROGRESS = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'] as const;
export const GRADING_PROGRESS = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'] as const;

export const scoreBodySchema = z.object({
  userId: z.string().min(1),
  scoreGiven: z.number().nonnegative().optional(),
  scoreMaximum: z.number().positive().optional(),
  comment: z.string().optional(),
  timestamp: z.iso.datetime({ offset: true }),
  activityProgress: z.enum(ACTIVITY_PROGRESS),
  gradingProgress: z.enum(GRADING_PROGRESS),
  submission: z.object({ startedAt: z.iso.datetime({ offset: true }).optional(), submittedAt: z.iso.datetime({ offset: true }).optional() }).optional(),
});
export type ScoreBody = z.infer<typeof scoreBodySchema>;
