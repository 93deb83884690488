// GET /api/playbook/published: the outcomes with their criteria and the catalogue to choose from.
import { apiFetch } from '../../../lib/api-client';
import type { PublishedPlaybook } from './types';

export const getPublishedPlaybook = () => apiFetch<PublishedPlaybook>('/api/playbook/published');
