// GET /api/deep-linking/options: the playbooks a teacher may place or copy.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const playbookOptionSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published']),
  outcomeTitles: z.array(z.string()),
});

const optionsSchema = z.object({ thisCourse: z.array(playbookOptionSchema), otherCourses: z.array(playbookOptionSchema) });

export type PlaybookOption = z.infer<typeof playbookOptionSchema>;

export const getDeepLinkingOptions = () => apiRequest('/api/deep-linking/options', optionsSchema);

export function useDeepLinkingOptionsQuery() {
  return useQuery({ queryKey: ['deep-linking', 'options'], queryFn: getDeepLinkingOptions });
}
