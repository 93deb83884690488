// The teacher's playbook answers checked at the edge. Each schema is typed as the interface in types.ts it produces, so the
// two cannot drift apart without the type checker saying so. Shapes: server/features/playbooks/views.ts and routes/*.ts.
import * as z from 'zod/mini';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../../lib/domain';
import { activitySchema as sharedActivitySchema, domainMessageSchema as sharedMessageSchema, routeRulesSchema, selfDirectionLevelSchema } from '../../../lib/api-schemas';
import { rubricCriterionSchema } from '../../../lib/rubric-schema';
import {
  EVIDENCE_FORMS,
  TUNING_PARTS,
  type ActivityView,
  type AssessmentWindow,
  type DesignView,
  type DomainMessage,
  type OutcomeView,
  type Playcard,
  type QualityCheck,
  type RouteRules,
} from './types';

export const domainMessageSchema: z.ZodMiniType<DomainMessage> = sharedMessageSchema;

const levelSchema = selfDirectionLevelSchema;

export const activitySchema: z.ZodMiniType<ActivityView> = sharedActivitySchema;

export const rulesSchema: z.ZodMiniType<RouteRules> = routeRulesSchema;

// JSON dates arrive as ISO strings.
const assessmentWindowSchema: z.ZodMiniType<AssessmentWindow> = z.object({ id: z.optional(z.string()), from: z.string(), until: z.string() });

export const outcomeSchema: z.ZodMiniType<OutcomeView> = z.object({
  id: z.string(),
  title: z.string(),
  tuning: z.record(z.enum(TUNING_PARTS), z.string()),
  indicators: z.array(z.object({ id: z.optional(z.string()), text: z.string() })),
  possibleEvidence: z.array(z.object({ id: z.optional(z.string()), form: z.enum(EVIDENCE_FORMS), description: z.string() })),
  assessments: z.array(z.object({ id: z.optional(z.string()), title: z.string(), description: z.string(), integrated: z.boolean() })),
  status: z.enum(['draft', 'published']),
  publishedAt: z.optional(z.string()),
  rubric: z.object({ criteria: z.array(rubricCriterionSchema) }),
  statement: z.object({ missing: z.array(z.enum(TUNING_PARTS)) }),
  publishProblems: z.array(z.string()),
});

const playcardSchema: z.ZodMiniType<Playcard> = z.object({
  type: z.enum(ACTIVITY_TYPES),
  titleKey: z.string(),
  whatKey: z.string(),
  blends: z.array(z.object({ environment: z.enum(ENVIRONMENTS), form: z.enum(LEARNING_FORMS), exampleKey: z.string() })),
  tools: z.array(z.string()),
});

export const designSchema: z.ZodMiniType<DesignView> = z.object({
  id: z.string(),
  revision: z.number(),
  title: z.string(),
  description: z.string(),
  status: z.enum(['draft', 'published']),
  publishedAt: z.nullable(z.string()),
  courseStartDate: z.nullable(z.string()),
  selfDirectionLevel: levelSchema,
  activities: z.array(activitySchema),
  recommendedRoute: z.array(z.string()),
  rules: rulesSchema,
  assessmentWindows: z.array(assessmentWindowSchema),
  outcomes: z.array(outcomeSchema),
  playcards: z.object({ alignmentKey: z.string(), cards: z.array(playcardSchema) }),
});

export const qualityCheckSchema: z.ZodMiniType<QualityCheck> = z.object({
  check: z.string(),
  ok: z.boolean(),
  message: domainMessageSchema,
  outcomeId: z.optional(z.string()),
});

/** Every write answers the playbook's new revision beside what it changed (server/features/playbooks/routes/revision.ts). */
export const revised = <S extends z.ZodMiniObject>(schema: S) => z.extend(schema, { revision: z.number() });
export const revisionOnly = z.object({ revision: z.number() });
