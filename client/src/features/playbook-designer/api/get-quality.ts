// GET /api/playbook/quality: the path-independent assessment checks and what still blocks publishing.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { domainMessageSchema, qualityCheckSchema, revised } from './schemas';

const qualitySchema = revised(z.object({ checks: z.array(qualityCheckSchema), publishable: z.boolean(), blocking: z.array(domainMessageSchema) }));

export type QualityReport = z.infer<typeof qualitySchema>;

export const getQuality = () => apiRequest('/api/playbook/quality', qualitySchema);

/** The report follows the design: keyed by its revision, so every save reads it again; the last report stays on screen meanwhile. */
export function useQualityQuery(revision: number) {
  return useQuery({ queryKey: ['playbook-designer', 'quality', revision], queryFn: getQuality, placeholderData: keepPreviousData });
}
