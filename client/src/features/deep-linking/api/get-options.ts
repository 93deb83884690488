// GET /api/deep-linking/options: the playbooks a teacher may place or copy.
import { apiFetch } from '../../../lib/api-client';

export interface PlaybookOption {
  id: string;
  title: string;
  status: 'draft' | 'published';
  outcomeTitles: string[];
}

export const getDeepLinkingOptions = () => apiFetch<{ thisCourse: PlaybookOption[]; otherCourses: PlaybookOption[] }>('/api/deep-linking/options');
