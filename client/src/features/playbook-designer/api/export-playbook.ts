// GET /api/playbook/export: the playbook as a file another course can import.
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

// The file is handed to the teacher as the server wrote it; its contents are the importer's to check, here only that it is an object.
const exportFileSchema = z.record(z.string(), z.unknown());

export const exportPlaybook = () => apiRequest('/api/playbook/export', exportFileSchema);
