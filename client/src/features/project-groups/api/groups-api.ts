// Project groups (server/features/project-groups/README.md): the teacher forms groups from the intake, moves a
// student, locks groups and forms the rest again. Every write carries the version read; a 409 means someone saved first.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const modeSchema = z.enum(['mixed', 'similar']);
const targetSchema = z.union([z.object({ size: z.number() }), z.object({ count: z.number() })]);

const setSchema = z.object({
  id: z.string(),
  title: z.string(),
  mode: modeSchema,
  target: targetSchema,
  fixedPartners: z.array(z.array(z.string())),
  version: z.number(),
  groups: z.array(z.object({ id: z.string(), locked: z.boolean(), members: z.array(z.object({ id: z.string(), name: z.nullable(z.string()), peerOn: z.array(z.string()) })) })),
  missingPeers: z.array(z.object({ groupId: z.string(), outcomeId: z.string() })),
  ungrouped: z.array(z.string()),
});

const setsSchema = z.object({ sets: z.array(z.object({ id: z.string(), title: z.string(), mode: modeSchema, groups: z.number(), version: z.number(), updatedAt: z.string() })) });
const studentsSchema = z.object({ students: z.array(z.object({ student: z.object({ id: z.string(), name: z.nullable(z.string()) }), intake: z.enum(['none', 'draft', 'submitted']) })) });
const designSchema = z.object({ outcomes: z.array(z.object({ outcomeId: z.string(), title: z.string() })) });

export type GroupSet = z.infer<typeof setSchema>;
export type Mode = z.infer<typeof modeSchema>;
export type Target = z.infer<typeof targetSchema>;
export interface FormInput {
  title: string;
  mode: Mode;
  target: Target;
  fixedPartners: string[][];
}

const setsKey = ['project-groups', 'sets'] as const;
const setKey = (id: string) => ['project-groups', 'set', id] as const;

export const useSetsQuery = () => useQuery({ queryKey: setsKey, queryFn: () => apiRequest('/api/project-groups', setsSchema) });
export const useSetQuery = (id: string) => useQuery({ queryKey: setKey(id), queryFn: () => apiRequest(`/api/project-groups/${encodeURIComponent(id)}`, setSchema) });
/** The class with their intake state (names only are used): whom to keep together, who has not done the intake. */
export const useClassQuery = () => useQuery({ queryKey: ['project-groups', 'class'], queryFn: () => apiRequest('/api/intake/students', studentsSchema) });
export const useOutcomeTitlesQuery = () => useQuery({ queryKey: ['project-groups', 'titles'], queryFn: () => apiRequest('/api/intake/design', designSchema), retry: false });

function useSetWrite<T>(call: (input: T) => Promise<GroupSet>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (set) => {
      queryClient.setQueryData(setKey(set.id), set);
      void queryClient.invalidateQueries({ queryKey: setsKey });
    },
    // A stale version: read the set again so the teacher sees what the other saved.
    onError: (_error, _input, _context) => void queryClient.invalidateQueries({ queryKey: ['project-groups', 'set'] }),
  });
}

export const useFormGroups = () => useSetWrite((input: FormInput) => apiRequest('/api/project-groups', setSchema, { method: 'POST', body: input }));

const write = (set: GroupSet, action: string, body: Record<string, unknown>) =>
  apiRequest(`/api/project-groups/${encodeURIComponent(set.id)}/${action}`, setSchema, { method: 'POST', body: { version: set.version, ...body } });

export const useReform = () => useSetWrite((set: GroupSet) => write(set, 'reform', {}));
export const useMove = () => useSetWrite(({ set, studentId, toGroupId }: { set: GroupSet; studentId: string; toGroupId: string }) => write(set, 'move', { studentId, toGroupId }));
export const useLock = () => useSetWrite(({ set, groupIds, locked }: { set: GroupSet; groupIds: string[]; locked: boolean }) => write(set, 'lock', { groupIds, locked }));

// A student's own groups: who is in them, by name only (GET /api/project-groups/mine).
const mineSchema = z.object({ groups: z.array(z.object({ setId: z.string(), title: z.string(), groupId: z.string(), members: z.array(z.object({ id: z.string(), name: z.nullable(z.string()) })) })) });

export const useMyGroupsQuery = () => useQuery({ queryKey: ['project-groups', 'mine'], queryFn: () => apiRequest('/api/project-groups/mine', mineSchema) });
