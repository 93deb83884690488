// Pieces of API answers that several features read (activities, messages, levels, rules, evidence), checked at the edge once.
import * as z from 'zod/mini';
import type { Activity } from './activity';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from './domain';

/** A domain message: a key the client says in the reader's language, with its parameters. */
export const domainMessageSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
});

export const selfDirectionLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const activitySchema: z.ZodMiniType<Activity> = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  environment: z.enum(ENVIRONMENTS),
  form: z.enum(LEARNING_FORMS),
  type: z.enum(ACTIVITY_TYPES),
  links: z.array(z.object({ title: z.string(), url: z.string() })),
  studyLoadHours: z.number(),
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('asynchronous') }),
    z.object({
      kind: z.literal('synchronous'),
      sessions: z.array(z.object({ id: z.string(), startsAt: z.string(), endsAt: z.optional(z.string()), place: z.string(), capacity: z.number() })),
    }),
  ]),
  prerequisiteIds: z.array(z.string()),
});

export const routeRulesSchema = z.object({
  minPerType: z.partialRecord(z.enum(ACTIVITY_TYPES), z.number()),
  minStudyLoadHours: z.optional(z.number()),
  maxStudyLoadHours: z.optional(z.number()),
  requiredActivityIds: z.array(z.string()),
  requiredEnvironments: z.array(z.enum(ENVIRONMENTS)),
});

export const routeEntryStatusSchema = z.enum(['planned', 'in_progress', 'done', 'skipped']);

/** An activity a student proposed (level 4), with the coach's decision. */
export const ownActivitySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  environment: z.enum(ENVIRONMENTS),
  form: z.enum(LEARNING_FORMS),
  type: z.enum(ACTIVITY_TYPES),
  studyLoadHours: z.number(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  reviewComment: z.optional(z.string()),
});

export const judgementSchema = z.object({ criterionId: z.string(), levelId: z.string(), comment: z.optional(z.string()) });

/** One piece of handed-in evidence. */
export const evidenceItemSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('file'),
    addedAt: z.string(),
    file: z.object({ fileId: z.string(), filename: z.string(), contentType: z.string(), size: z.number() }),
  }),
  z.object({ id: z.string(), kind: z.literal('link'), addedAt: z.string(), url: z.string(), title: z.optional(z.string()) }),
  z.object({ id: z.string(), kind: z.literal('text'), addedAt: z.string(), text: z.string() }),
  z.object({ id: z.string(), kind: z.literal('prior-learning'), addedAt: z.string(), claim: z.enum(['prior_learning', 'work_experience']), description: z.string() }),
]);
