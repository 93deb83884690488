// GET /api/playbook: the teacher's whole design of this link's playbook, with the revision every write is based on.
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { designSchema } from './schemas';

export const designKey = ['playbook-designer', 'design'] as const;

export const getDesign = () => apiRequest('/api/playbook', designSchema);

export function useDesignQuery() {
  return useQuery({ queryKey: designKey, queryFn: getDesign });
}
