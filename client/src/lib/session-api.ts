// GET /api/session: who the launch says this person is, in which course. Shared: every feature receives the session.
import { useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from './api-client';

export const ROLES = ['teacher', 'assistant', 'coach', 'student'] as const;

export const sessionSchema = z.object({
  user: z.object({ name: z.nullable(z.string()), locale: z.nullable(z.string()) }),
  roles: z.array(z.enum(ROLES)),
  context: z.nullable(z.object({ id: z.string(), title: z.nullable(z.string()), label: z.nullable(z.string()) })),
  placement: z.nullable(z.object({ resourceLinkId: z.string() })),
  messageType: z.enum(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']),
  deepLinking: z.boolean(),
  /** The LMS's way back to the course (launch_presentation.return_url), when it sent one. */
  returnUrl: z.optional(z.nullable(z.string())),
});

export type Role = (typeof ROLES)[number];
export type SessionView = z.infer<typeof sessionSchema>;

export const getSession = () => apiRequest('/api/session', sessionSchema);

export const sessionQueryKey = ['session'] as const;

export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: getSession });
}
