// GET /api/playbook: the teacher's whole design of this link's playbook.
import { apiFetch } from '../../../lib/api-client';
import type { DesignView } from './types';

export const getDesign = () => apiFetch<DesignView>('/api/playbook');
