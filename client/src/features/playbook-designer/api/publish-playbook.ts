// POST /api/playbook/publish: students can choose their route; refused with every blocking reason at once.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { qualityCheckSchema, revised } from './schemas';

const publishedSchema = revised(z.object({ status: z.enum(['draft', 'published']), publishedAt: z.nullable(z.string()), warnings: z.array(qualityCheckSchema) }));

export const publishPlaybook = (revision: number) =>
  apiRequest('/api/playbook/publish', publishedSchema, { method: 'POST', headers: ifMatch(revision) });
