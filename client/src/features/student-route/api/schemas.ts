// The student's API answers checked at the edge. Each schema is typed as the interface in types.ts it produces, so the
// two cannot drift apart without the type checker saying so.
import * as z from 'zod/mini';
import {
  activitySchema as sharedActivitySchema,
  domainMessageSchema,
  evidenceItemSchema,
  judgementSchema,
  ownActivitySchema,
  routeEntryStatusSchema,
  routeRulesSchema,
  selfDirectionLevelSchema,
} from '../../../lib/api-schemas';
import { rubricCriterionSchema } from '../../../lib/rubric-schema';
import {
  EVIDENCE_FORMS,
  type Activity,
  type Attempt,
  type Message,
  type PublishedPlaybook,
  type RouteView,
  type SessionOffer,
  type Standing,
} from './types';

const messageSchema: z.ZodMiniType<Message> = domainMessageSchema;

const levelSchema = selfDirectionLevelSchema;

export const activitySchema: z.ZodMiniType<Activity> = sharedActivitySchema;

export const publishedPlaybookSchema: z.ZodMiniType<PublishedPlaybook> = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  selfDirectionLevel: levelSchema,
  activities: z.array(activitySchema),
  recommendedRoute: z.array(z.string()),
  rules: routeRulesSchema,
  assessmentWindows: z.array(z.object({ id: z.string(), from: z.string(), until: z.string() })),
  outcomes: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      statement: z.object({ parts: z.array(z.object({ part: z.string(), text: z.string() })), sentence: messageSchema, missing: z.array(z.string()) }),
      indicators: z.array(z.object({ id: z.string(), text: z.string() })),
      possibleEvidence: z.array(z.object({ id: z.string(), form: z.enum(EVIDENCE_FORMS), description: z.string() })),
      assessments: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), integrated: z.boolean() })),
      rubric: z.object({ criteria: z.array(rubricCriterionSchema) }),
    }),
  ),
});

const entryStatusSchema = routeEntryStatusSchema;

export const routeViewSchema: z.ZodMiniType<RouteView> = z.object({
  playbook: z.object({ id: z.string(), title: z.string() }),
  route: z.object({
    status: z.enum(['draft', 'submitted', 'approved', 'returned']),
    entries: z.array(z.object({ activityId: z.string(), status: entryStatusSchema })),
    version: z.number(),
    learningGoals: z.array(z.object({ id: z.string(), text: z.string() })),
    ownActivities: z.array(ownActivitySchema),
    studyPlan: z.object({
      ambition: z.string(),
      demonstration: z.object({ plannedDate: z.optional(z.string()), evidenceForm: z.optional(z.enum(EVIDENCE_FORMS)), description: z.string() }),
      coachId: z.optional(z.string()),
    }),
    lastReview: z.optional(z.object({ decision: z.enum(['approved', 'returned']), at: z.string(), comment: z.optional(z.string()) })),
  }),
  level: z.object({
    effective: levelSchema,
    may: z.object({ composeRoute: z.boolean(), setLearningGoals: z.boolean(), selfAssess: z.boolean(), proposeActivities: z.boolean() }),
  }),
  progress: z.object({
    done: z.number(),
    total: z.number(),
    inProgress: z.number(),
    skipped: z.number(),
    studyLoadDoneHours: z.number(),
    studyLoadTotalHours: z.number(),
    fraction: z.number(),
  }),
});


const scaleGradeSchema = z.object({ display: z.string(), labelKey: z.string(), scoreGiven: z.number(), scoreMaximum: z.number(), passed: z.boolean() });

export const attemptSchema: z.ZodMiniType<Attempt> = z.object({
  id: z.string(),
  outcomeId: z.string(),
  number: z.number(),
  status: z.enum(['draft', 'submitted', 'graded']),
  items: z.array(evidenceItemSchema),
  selfAssessment: z.nullable(z.object({ judgements: z.array(judgementSchema), comment: z.optional(z.string()) })),
  submittedAt: z.nullable(z.string()),
  gradedAt: z.nullable(z.string()),
  feedback: z.nullable(
    z.object({ judgements: z.array(judgementSchema), comment: z.nullable(z.string()), passed: z.nullable(z.boolean()), grade: z.nullable(scaleGradeSchema) }),
  ),
});

export const standingSchema: z.ZodMiniType<Standing> = z.object({
  outcomes: z.array(
    z.object({
      outcomeId: z.string(),
      mastery: z.object({ status: z.enum(['not-assessed', 'assessed']), passed: z.optional(z.boolean()), fraction: z.optional(z.number()) }),
      grade: z.optional(scaleGradeSchema),
    }),
  ),
  final: z.object({ status: z.enum(['incomplete', 'graded']), passed: z.optional(z.boolean()) }),
  finalGrade: z.optional(scaleGradeSchema),
});

export const sessionOfferSchema: z.ZodMiniType<SessionOffer> = z.object({
  activityId: z.string(),
  sessionId: z.string(),
  capacity: z.number(),
  taken: z.number(),
  seatsLeft: z.number(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.nullable(z.string()),
  place: z.string(),
  signedUp: z.boolean(),
});

/** What an evidence write answers: the attempt as it now is. */
export const attemptAnswerSchema = z.object({ attempt: attemptSchema });

/** What a session sign-up or cancellation answers. */
export const seatAnswerSchema = z.object({ status: z.string(), seatsLeft: z.number() });

export const routeCheckSchema = z.object({ ok: z.boolean(), violations: z.array(messageSchema) });
