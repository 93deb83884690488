// GET /api/playbook/published: the playbook's activities, so a route's entries can be shown by title and type.
import { apiFetch } from '../../../lib/api-client';

export interface CatalogueActivity {
  id: string;
  title: string;
  type: string;
  environment: string;
  form: string;
  studyLoadHours: number;
}

export const getPublishedActivities = () => apiFetch<{ activities: CatalogueActivity[] }>('/api/playbook/published');
