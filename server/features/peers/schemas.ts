// The peer endpoints' bodies and parameters, checked at the edge; 400 names the first bad field.
import { z } from 'zod';

const id = z.string().trim().min(1).max(200);
const point = z.object({ outcomeId: id, indicatorId: id.optional() });

export const settingsSchema = z.object({
  version: z.number().int().min(0),
  maxJuniorsPerPeer: z.number().int().min(1).max(20),
  minimumPeerRank: z.number().int().min(1).max(20).nullable().default(null),
});
export type SettingsBody = z.infer<typeof settingsSchema>;

export const offerSchema = z.object({ points: z.array(point).max(200) });
export type OfferBody = z.infer<typeof offerSchema>;

export const proposalsQuerySchema = point;
export type ProposalsQuery = z.infer<typeof proposalsQuerySchema>;

export const askSchema = point.extend({ peerId: id });
export type AskBody = z.infer<typeof askSchema>;

/** `end` ends an accepted pair (junior or peer); the others answer or withdraw a pending request. */
export const requestParamsSchema = z.object({ requestId: id, decision: z.enum(['accept', 'decline', 'withdraw', 'end']) });
export type RequestParams = z.infer<typeof requestParamsSchema>;

export const pairParamsSchema = z.object({ requestId: id });
export type PairParams = z.infer<typeof pairParamsSchema>;
