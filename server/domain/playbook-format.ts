// The versioned JSON format for sharing a playbook and its outcomes between courses, as a zod schema.

import { z } from 'zod';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from './activity-grid';
import { EVIDENCE_FORMS } from './outcome';
import { webUrlSchema } from './web-link';

/**
 * Format "playroute.playbook", version 1. A JSON object:
 *   { format: "playroute.playbook", version: 1, exportedAt, playbook: {...}, outcomes: [...] }
 * Dates are ISO 8601 strings with a zone. Ids are only meaningful inside one file: they tie
 * prerequisites, the recommended route, required activities and outcome references together
 * and are replaced on import. Left out because they belong to one course: the LTI placement,
 * the published state and dates, and the course start. A later version gets its own schema and
 * a migration to the newest; a file's `version` says which applies.
 */
export const PLAYBOOK_FORMAT = 'playroute.playbook';
export const PLAYBOOK_FORMAT_VERSION = 1;

const id = z.string().min(1);
const text = z.string();
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const hours = z.number().min(0);

const rubricSchema = z.object({
  criteria: z.array(
    z.object({
      id,
      title: text.min(1),
      description: text.optional(),
      weight: z.number().min(0),
      levels: z.array(z.object({ id, label: text.min(1), description: text, points: z.number() })),
      passLevelId: id.optional(),
    }),
  ),
});

export const outcomeSchema = z.object({
  id,
  title: text.min(1),
  tuning: z.object({ verb: text, competence: text, subject: text, standard: text, context: text }),
  indicators: z.array(z.object({ id, text })),
  possibleEvidence: z.array(z.object({ id, form: z.enum(EVIDENCE_FORMS), description: text })),
  assessments: z.array(z.object({ id, title: text.min(1), description: text, integrated: z.boolean() })),
  rubric: rubricSchema,
});

const sessionSchema = z.object({ id, startsAt: date, endsAt: date.optional(), place: text, capacity: z.number().int().min(1) });

export const activitySchema = z.object({
  id,
  title: text.min(1),
  description: text,
  environment: z.enum(ENVIRONMENTS),
  form: z.enum(LEARNING_FORMS),
  type: z.enum(ACTIVITY_TYPES),
  links: z.array(z.object({ title: text, url: webUrlSchema })),
  studyLoadHours: hours,
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('asynchronous') }),
    z.object({ kind: z.literal('synchronous'), sessions: z.array(sessionSchema) }),
  ]),
  prerequisiteIds: z.array(id),
});

const rulesSchema = z.object({
  minPerType: z.partialRecord(z.enum(ACTIVITY_TYPES), z.number().int().min(0)),
  minStudyLoadHours: hours.optional(),
  maxStudyLoadHours: hours.optional(),
  requiredActivityIds: z.array(id),
  requiredEnvironments: z.array(z.enum(ENVIRONMENTS)),
});

export const playbookDesignSchema = z.object({
  title: text.min(1),
  description: text,
  outcomeIds: z.array(id),
  activities: z.array(activitySchema),
  recommendedRoute: z.array(id),
  rules: rulesSchema,
  selfDirectionLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  assessmentWindows: z.array(z.object({ id, from: date, until: date })),
});

export const playbookFileSchema = z
  .object({
    format: z.literal(PLAYBOOK_FORMAT),
    version: z.literal(PLAYBOOK_FORMAT_VERSION),
    exportedAt: date.optional(),
    playbook: playbookDesignSchema,
    outcomes: z.array(outcomeSchema),
  })
  .superRefine((file, ctx) => {
    for (const issue of referenceIssues(file)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** The file as written (dates as strings). */
export type PlaybookFile = z.input<typeof playbookFileSchema>;
/** The file as read (dates as Date). */
export type ParsedPlaybookFile = z.output<typeof playbookFileSchema>;

type Parsed = { playbook: z.output<typeof playbookDesignSchema>; outcomes: z.output<typeof outcomeSchema>[] };

/** Ids that point nowhere, repeated ids and inverted windows: a file must hang together to be imported. */
function referenceIssues({ playbook, outcomes }: Parsed): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const activityIds = new Set(playbook.activities.map((a) => a.id));
  const outcomeIds = new Set(outcomes.map((o) => o.id));
  const dangling = (ids: string[], known: Set<string>, path: (string | number)[], what: string) =>
    ids.forEach((ref, i) => {
      if (!known.has(ref)) issues.push({ path: [...path, i], message: `unknown ${what} "${ref}"` });
    });
  const unique = (ids: string[], path: (string | number)[]) =>
    ids.forEach((ref, i) => {
      if (ids.indexOf(ref) !== i) issues.push({ path: [...path, i, 'id'], message: `duplicate id "${ref}"` });
    });
  unique(playbook.activities.map((a) => a.id), ['playbook', 'activities']);
  unique(outcomes.map((o) => o.id), ['outcomes']);
  playbook.activities.forEach((a, i) =>
    dangling(a.prerequisiteIds, activityIds, ['playbook', 'activities', i, 'prerequisiteIds'], 'activity'),
  );
  dangling(playbook.recommendedRoute, activityIds, ['playbook', 'recommendedRoute'], 'activity');
  dangling(playbook.rules.requiredActivityIds, activityIds, ['playbook', 'rules', 'requiredActivityIds'], 'activity');
  dangling(playbook.outcomeIds, outcomeIds, ['playbook', 'outcomeIds'], 'outcome');
  playbook.assessmentWindows.forEach((w, i) => {
    if (w.from > w.until) issues.push({ path: ['playbook', 'assessmentWindows', i, 'until'], message: 'ends before it starts' });
  });
  outcomes.forEach((o, oi) =>
    o.rubric.criteria.forEach((c, ci) => {
      if (c.passLevelId && !c.levels.some((l) => l.id === c.passLevelId)) {
        issues.push({ path: ['outcomes', oi, 'rubric', 'criteria', ci, 'passLevelId'], message: 'not one of the levels' });
      }
    }),
  );
  return issues;
}
