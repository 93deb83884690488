// GET /api/playbook/export: the playbook as a file another course can import.
import { apiFetch } from '../../../lib/api-client';

export const exportPlaybook = () => apiFetch<unknown>('/api/playbook/export');
