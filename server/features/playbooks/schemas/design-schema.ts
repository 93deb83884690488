// Request parts of the playbook endpoints shared by all of them, and the bodies of the playbook's frame (details, rules, route, windows).
import { z } from 'zod';
import { ACTIVITY_TYPES, ENVIRONMENTS } from '../../../domain/activity-grid';

export const idString = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
export const title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const longText = z.string().max(5000, 'must be at most 5000 characters').default('');
/** ISO 8601 with a zone, so a date means the same moment for every teacher and student. */
export const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a zone' }).transform((s) => new Date(s));

/** Refines a list so that no two items (or ids) repeat; `key` picks what must be unique, undefined skips an item. */
export function noRepeats<T>(key: (item: T) => string | undefined, problem = 'is used twice') {
  return (items: T[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (value === undefined) return;
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: typeof item === 'object' ? [index, 'id'] : [index], message: problem });
      seen.add(value);
    });
  };
}

/**
 * Every write carries the revision the client read, in the If-Match header ("7" or 7, as GET /api/playbook's
 * ETag gives it), so DELETE needs no body and an import's body is the file itself.
 */
export const revisionHeaderSchema = z
  .string({ message: 'required: send the revision you read (the ETag of GET /api/playbook)' })
  .trim()
  .regex(/^(?:W\/)?"?\d{1,9}"?$/, 'must be the revision you read, e.g. "7"')
  .transform((value) => Number(value.replace(/\D/g, '')));

export const detailsSchema = z
  .object({
    title: title.optional(),
    description: z.string().max(5000, 'must be at most 5000 characters').optional(),
    selfDirectionLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: 'must be 1, 2, 3 or 4' }).optional(),
    courseStartDate: instant.nullable().optional(),
  })
  .refine((d) => Object.values(d).some((v) => v !== undefined), 'give at least one of title, description, selfDirectionLevel, courseStartDate');

const hours = z.number().min(0, 'must not be negative').max(10_000, 'must be at most 10000');

export const rulesSchema = z
  .object({
    minPerType: z.partialRecord(z.enum(ACTIVITY_TYPES), z.number().int('must be a whole number').min(0, 'must not be negative').max(50)).default({}),
    minStudyLoadHours: hours.optional(),
    maxStudyLoadHours: hours.optional(),
    requiredActivityIds: z.array(idString).max(200).default([]).superRefine(noRepeats((id) => id, 'is required twice')),
    requiredEnvironments: z.array(z.enum(ENVIRONMENTS)).default([]).superRefine(noRepeats((e) => e, 'is required twice')),
  })
  .superRefine((rules, ctx) => {
    const { minStudyLoadHours: min, maxStudyLoadHours: max } = rules;
    if (min !== undefined && max !== undefined && max < min) {
      ctx.addIssue({ code: 'custom', path: ['maxStudyLoadHours'], message: 'must not be below minStudyLoadHours' });
    }
  });

export const recommendedRouteSchema = z.object({
  activityIds: z.array(idString).max(200).superRefine(noRepeats((id) => id, 'is in the route twice')),
});

const windowSchema = z
  .object({ id: idString.optional(), from: instant, until: instant })
  .refine((w) => w.from < w.until, { path: ['until'], message: 'must be after from' });

export const assessmentWindowsSchema = z.object({
  windows: z.array(windowSchema).max(50).superRefine(noRepeats((w) => w.id)),
});

export type DetailsBody = z.infer<typeof detailsSchema>;
export type RulesBody = z.infer<typeof rulesSchema>;
export type RecommendedRouteBody = z.infer<typeof recommendedRouteSchema>;
export type AssessmentWindowsBody = z.infer<typeof assessmentWindowsSchema>;
