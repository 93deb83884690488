// POST /api/playbook/unpublish: students no longer see the playbook; their routes stay and return when it is published again.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';
import { ifMatch } from './types';
import { revised } from './schemas';

const unpublishedSchema = revised(z.object({ status: z.enum(['draft', 'published']), publishedAt: z.nullable(z.string()) }));

export const unpublishPlaybook = (revision: number) =>
  apiRequest('/api/playbook/unpublish', unpublishedSchema, { method: 'POST', headers: ifMatch(revision) });
