// Request bodies, queries and parameters of the learning-route endpoints (student and coach).
import { z } from 'zod';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../domain/activity-grid';
import { EVIDENCE_FORMS } from '../../domain/outcome';
import { ENTRY_STATUSES } from '../../domain/route';

const id = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const isoDate = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date (ISO 8601)')
  .transform((value) => new Date(value));
/** Every change names the version the client read, so a save from an older tab is refused instead of lost. */
const version = z.number({ message: 'must be the route version you read' }).int('must be a whole number').min(1, 'must be at least 1');

export const versionSchema = z.object({ version });
export const versionQuerySchema = z.object({ version: z.coerce.number({ message: 'must be the route version you read' }).pipe(version) });

export const saveRouteSchema = z.object({
  version,
  entries: z.array(z.object({ activityId: id, plannedFor: isoDate.optional() })).max(200, 'must hold at most 200 activities'),
});

/** Following the route is not composing it: without a version, only a change saved in the same instant is refused. */
export const progressSchema = z.object({
  version: version.optional(),
  status: z.enum(ENTRY_STATUSES, { message: `must be one of ${ENTRY_STATUSES.join(', ')}` }),
});

export const goalSchema = z.object({ version, text: text(500).min(1, 'must not be empty') });

export const proposalSchema = z.object({
  version,
  title: text(200).min(1, 'must not be empty'),
  description: text(4000).default(''),
  environment: z.enum(ENVIRONMENTS, { message: `must be one of ${ENVIRONMENTS.join(', ')}` }),
  form: z.enum(LEARNING_FORMS, { message: `must be one of ${LEARNING_FORMS.join(', ')}` }),
  type: z.enum(ACTIVITY_TYPES, { message: `must be one of ${ACTIVITY_TYPES.join(', ')}` }),
  studyLoadHours: z.number({ message: 'must be a number of hours' }).min(0, 'must not be negative').max(1000, 'must be at most 1000'),
});

export const studyPlanSchema = z.object({
  version,
  ambition: text(2000),
  demonstration: z.object({
    plannedDate: isoDate.optional(),
    evidenceForm: z.enum(EVIDENCE_FORMS, { message: `must be one of ${EVIDENCE_FORMS.join(', ')}` }).optional(),
    description: text(2000),
  }),
  coachId: id.optional(),
});

export const returnSchema = z.object({ version, comment: text(2000).min(1, 'is required: say why the route goes back') });

export const levelSchema = z.object({
  version,
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()], { message: 'must be 1, 2, 3, 4 or null' }),
});

export const proposalReviewSchema = z.object({
  version,
  decision: z.enum(['approved', 'rejected'], { message: 'must be approved or rejected' }),
  comment: text(2000).optional(),
});

export const activityParamsSchema = z.object({ activityId: id });
export const sessionParamsSchema = z.object({ activityId: id, sessionId: id });
export const goalParamsSchema = z.object({ goalId: id });
export const studentParamsSchema = z.object({ studentId: id });
export const proposalParamsSchema = z.object({ studentId: id, ownActivityId: id });
export const attendanceParamsSchema = z.object({ activityId: id, sessionId: id, studentId: id });
/** A teacher or coach marks one signed-up student as present or absent. */
export const attendanceMarkSchema = z.object({ attended: z.boolean() });

export type SaveRouteBody = z.infer<typeof saveRouteSchema>;
export type VersionBody = z.infer<typeof versionSchema>;
export type ProgressBody = z.infer<typeof progressSchema>;
export type GoalBody = z.infer<typeof goalSchema>;
export type ProposalBody = z.infer<typeof proposalSchema>;
export type StudyPlanBody = z.infer<typeof studyPlanSchema>;
export type ReturnBody = z.infer<typeof returnSchema>;
export type LevelBody = z.infer<typeof levelSchema>;
export type ProposalReviewBody = z.infer<typeof proposalReviewSchema>;
export type SessionParams = z.infer<typeof sessionParamsSchema>;
export type ProposalParams = z.infer<typeof proposalParamsSchema>;
export type AttendanceParams = z.infer<typeof attendanceParamsSchema>;
export type AttendanceMarkBody = z.infer<typeof attendanceMarkSchema>;

/** A teacher assigns (or unassigns) one coach to one student or a group of students at once. */
export const coachAssignmentSchema = z.object({
  coachId: id,
  studentIds: z.array(id).min(1, 'must name at least one student').max(500, 'must name at most 500 students'),
});
export type CoachAssignmentBody = z.infer<typeof coachAssignmentSchema>;
