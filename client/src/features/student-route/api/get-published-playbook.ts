// GET /api/playbook/published: the outcomes with their criteria and the catalogue to choose from.
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { publishedPlaybookSchema } from './schemas';

export const getPublishedPlaybook = () => apiRequest('/api/playbook/published', publishedPlaybookSchema);

export function usePublishedPlaybookQuery() {
  return useQuery({ queryKey: ['student', 'playbook'], queryFn: getPublishedPlaybook });
}
