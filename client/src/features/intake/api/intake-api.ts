// The student's intake (server/features/intake/README.md): GET and PUT /api/intake, POST /api/intake/submit; and the two
// route calls that take a proposed goal or activity into the route (the student still chooses; nothing is added by itself).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const pointSchema = z.object({
  outcomeId: z.string(),
  indicatorId: z.optional(z.string()),
  rank: z.nullable(z.number()),
  targetRank: z.number(),
  maxRank: z.number(),
  source: z.nullable(z.string()),
  position: z.enum(['below', 'at', 'above', 'unknown']),
});

const designSchema = z.object({
  version: z.number(),
  outcomes: z.array(
    z.object({
      outcomeId: z.string(),
      title: z.string(),
      indicators: z.array(z.object({ id: z.string(), text: z.string() })),
      levels: z.array(z.object({ rank: z.number(), label: z.string() })),
      targetRank: z.nullable(z.number()),
      diagnosticTask: z.nullable(z.object({ prompt: z.string() })),
    }),
  ),
});

const profileSchema = z.object({
  priorEducation: z.optional(z.string()),
  workExperience: z.optional(z.string()),
  hoursPerWeek: z.optional(z.number()),
  when: z.optional(z.string()),
  expectations: z.optional(z.string()),
  why: z.optional(z.string()),
});

const placementSchema = z.object({ outcomeId: z.string(), indicatorId: z.optional(z.string()), rank: z.number() });

/** The teacher's review of a diagnostic answer: a comment and, when given, the level the answer shows. */
const reviewSchema = z.object({ comment: z.string(), rank: z.nullable(z.number()), at: z.string() });

/** Submitted and reopened, oldest first: a reopened intake tells the student when and why. */
const historySchema = z.array(z.object({ kind: z.enum(['submitted', 'reopened']), at: z.string(), reason: z.nullable(z.string()) }));

export const intakeSchema = z.object({
  design: designSchema,
  response: z.nullable(
    z.object({
      status: z.enum(['draft', 'submitted']),
      version: z.number(),
      placements: z.array(placementSchema),
      diagnostics: z.array(z.object({ outcomeId: z.string(), answer: z.string(), review: z.nullable(reviewSchema) })),
      profile: profileSchema,
      submittedAt: z.nullable(z.string()),
      history: historySchema,
    }),
  ),
  result: z.nullable(
    z.object({
      points: z.array(pointSchema),
      goals: z.object({ open: z.boolean(), proposed: z.array(z.object({ outcomeId: z.string(), indicatorId: z.optional(z.string()), fromRank: z.number(), toRank: z.number() })) }),
      activities: z.array(z.object({ activityId: z.string(), type: z.string(), forPoints: z.array(z.object({ outcomeId: z.string(), indicatorId: z.optional(z.string()) })) })),
    }),
  ),
});

export type Intake = z.infer<typeof intakeSchema>;
export type IntakeResponse = NonNullable<Intake['response']>;
export type DiagnosticAnswer = IntakeResponse['diagnostics'][number];
export type IntakeDesign = Intake['design'];
export type IntakeResult = NonNullable<Intake['result']>;
export type IntakePoint = IntakeResult['points'][number];
export type Placement = z.infer<typeof placementSchema>;
export type Profile = z.infer<typeof profileSchema>;

export interface IntakeDraft {
  version: number;
  placements: Placement[];
  diagnostics: { outcomeId: string; answer: string }[];
  profile: Profile;
}

const intakeKey = ['intake', 'mine'] as const;

export function useIntakeQuery() {
  return useQuery({ queryKey: intakeKey, queryFn: () => apiRequest('/api/intake', intakeSchema), retry: false });
}

/** Saves the draft, then submits it with the version the save answered. */
export function useSubmitIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (draft: IntakeDraft) => {
      const saved = await apiRequest('/api/intake', intakeSchema, { method: 'PUT', body: draft });
      return apiRequest('/api/intake/submit', intakeSchema, { method: 'POST', body: { version: saved.response?.version ?? draft.version } });
    },
    onSuccess: (answer) => queryClient.setQueryData(intakeKey, answer),
    // The draft may have been saved before the submit was refused: read its new version for the next try.
    onError: () => queryClient.invalidateQueries({ queryKey: intakeKey }),
  });
}

export function useSaveIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: IntakeDraft) => apiRequest('/api/intake', intakeSchema, { method: 'PUT', body: draft }),
    onSuccess: (answer) => queryClient.setQueryData(intakeKey, answer),
  });
}

// The catalogue's titles for the proposed activities (the published playbook; unknown keys are dropped by the schema).
const catalogueSchema = z.object({ activities: z.array(z.object({ id: z.string(), title: z.string() })) });

export function useCatalogueQuery(enabled: boolean) {
  return useQuery({ queryKey: ['intake', 'catalogue'], queryFn: () => apiRequest('/api/playbook/published', catalogueSchema), enabled });
}

// Only what taking a proposal in needs of the route: its version and entries (GET /api/route, PUT /api/route).
const routeSchema = z.object({ route: z.object({ version: z.number(), entries: z.array(z.object({ activityId: z.string(), plannedFor: z.optional(z.string()) })) }) });

export function useRouteEntriesQuery(enabled: boolean) {
  return useQuery({ queryKey: ['intake', 'route'], queryFn: () => apiRequest('/api/route', routeSchema), enabled });
}

export function useTakeIntoRoute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (take: { activityId: string } | { goal: string }) => {
      const { route } = await apiRequest('/api/route', routeSchema);
      if ('goal' in take) return apiRequest('/api/route/goals', routeSchema, { method: 'POST', body: { version: route.version, text: take.goal } });
      const entries = [...route.entries, { activityId: take.activityId }];
      return apiRequest('/api/route', routeSchema, { method: 'PUT', body: { version: route.version, entries } });
    },
    onSuccess: (answer) => {
      queryClient.setQueryData(['intake', 'route'], answer);
      // The route screen reads the route afresh when the student goes back to it.
      void queryClient.invalidateQueries({ queryKey: ['student'] });
    },
  });
}
