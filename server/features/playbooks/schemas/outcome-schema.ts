// Request bodies of the learning outcome endpoints: the Tuning parts and lists the teacher writes, and the rubric.
import { z } from 'zod';
import { EVIDENCE_FORMS } from '../../../domain/outcome';
import { idString, longText, noRepeats, title } from './design-schema';

const tuningPart = z.string().trim().max(500, 'must be at most 500 characters').default('');
const shortText = z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters');

/** Sent as true once the teacher confirmed changing criteria students already saw (see published-guard). */
const confirm = z.boolean().optional();

/** Tuning parts may stay empty while drafting; publishing the outcome asks for all five. */
export const outcomeSchema = z.object({
  confirm,
  title,
  tuning: z.object({ verb: tuningPart, competence: tuningPart, subject: tuningPart, standard: tuningPart, context: tuningPart }).prefault({}),
  indicators: z.array(z.object({ id: idString.optional(), text: shortText })).max(50).default([]).superRefine(noRepeats((i) => i.id)),
  possibleEvidence: z
    .array(z.object({ id: idString.optional(), form: z.enum(EVIDENCE_FORMS), description: longText }))
    .max(50)
    .default([])
    .superRefine(noRepeats((e) => e.id)),
  assessments: z
    .array(z.object({ id: idString.optional(), title, description: longText, integrated: z.boolean() }))
    .max(20)
    .default([])
    .superRefine(noRepeats((a) => a.id)),
});

const levelSchema = z.object({
  id: idString,
  label: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  description: longText,
  points: z.number().min(-1000).max(1000),
});

/** Levels run from lowest to highest, each worth more than the one before; the pass level is one of them. */
const criterionSchema = z
  .object({
    id: idString.optional(),
    title,
    description: z.string().max(5000, 'must be at most 5000 characters').optional(),
    weight: z.number().positive('must be more than 0').max(100).default(1),
    levels: z.array(levelSchema).max(10).superRefine(noRepeats((l) => l.id)),
    passLevelId: idString.optional(),
  })
  .superRefine((criterion, ctx) => {
    criterion.levels.forEach((level, index) => {
      const before = criterion.levels[index - 1];
      if (before && level.points <= before.points) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'points'], message: 'must be more than the level before (levels go from lowest to highest)' });
      }
    });
    if (criterion.passLevelId !== undefined && !criterion.levels.some((l) => l.id === criterion.passLevelId)) {
      ctx.addIssue({ code: 'custom', path: ['passLevelId'], message: "is not one of this criterion's levels" });
    }
  });

export const rubricSchema = z.object({
  confirm,
  criteria: z.array(criterionSchema).max(30).superRefine(noRepeats((c) => c.id)),
});

/** `DELETE …?confirm=true`: a delete has no body to carry the confirmation. */
export const deleteOutcomeQuerySchema = z.object({ confirm: z.enum(['true', 'false']).optional() });

export type OutcomeBody = z.infer<typeof outcomeSchema>;
export type RubricBody = z.infer<typeof rubricSchema>;
export type DeleteOutcomeQuery = z.infer<typeof deleteOutcomeQuerySchema>;
