// The project-group endpoints' bodies and parameters, checked at the edge; 400 names the first bad field.
import { z } from 'zod';

const id = z.string().trim().min(1).max(200);
const version = z.number().int().min(1);
const mode = z.enum(['mixed', 'similar']);
/** Either { size } (groups of at most that many) or { count } (that many groups, locked ones included). */
const target = z.union([z.object({ size: z.number().int().min(1).max(100) }).strict(), z.object({ count: z.number().int().min(1).max(500) }).strict()]);
const fixedPartners = z.array(z.array(id).min(2).max(20)).max(500);

export const formSchema = z.object({
  title: z.string().trim().min(1).max(200),
  activityId: id.optional(),
  mode,
  target,
  fixedPartners: fixedPartners.default([]),
});
export type FormBody = z.infer<typeof formSchema>;

export const reformSchema = z.object({ version, mode: mode.optional(), target: target.optional(), fixedPartners: fixedPartners.optional() });
export type ReformBody = z.infer<typeof reformSchema>;

export const moveSchema = z.object({ version, studentId: id, toGroupId: id });
export type MoveBody = z.infer<typeof moveSchema>;

export const lockSchema = z.object({ version, groupIds: z.array(id).min(1).max(500), locked: z.boolean() });
export type LockBody = z.infer<typeof lockSchema>;

export const setParamsSchema = z.object({ setId: id });
