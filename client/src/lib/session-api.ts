// GET /api/session: who the launch says this person is, in which course.
import { apiFetch } from './api-client';

export type Role = 'teacher' | 'assistant' | 'coach' | 'student';

export interface SessionView {
  user: { name: string | null; locale: string | null };
  roles: Role[];
  context: { id: string; title: string | null; label: string | null } | null;
  placement: { resourceLinkId: string } | null;
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
  deepLinking: boolean;
  /** The LMS's way back to the course (launch_presentation.return_url), when it sent one. */
  returnUrl?: string | null;
}

export const getSession = () => apiFetch<SessionView>('/api/session');
