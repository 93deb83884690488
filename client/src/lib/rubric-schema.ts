// The rubric as the API sends it, checked at the edge; the type is the domain's own (server/domain/rubric.ts).
import * as z from 'zod/mini';
import type { RubricCriterion } from './domain';

const rubricLevelSchema = z.object({ id: z.string(), label: z.string(), description: z.string(), points: z.number() });

export const rubricCriterionSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.optional(z.string()),
  weight: z.number(),
  levels: z.array(rubricLevelSchema),
  passLevelId: z.optional(z.string()),
});

// The schema and the domain type must describe the same thing: this line stops compiling when they drift apart.
const _sameShape: z.infer<typeof rubricCriterionSchema> extends RubricCriterion ? (RubricCriterion extends z.infer<typeof rubricCriterionSchema> ? true : never) : never = true;
void _sameShape;
