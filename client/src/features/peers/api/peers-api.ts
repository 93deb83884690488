// Junior and peer (server/features/peers/README.md): the student's own side (GET /api/peers/me, offer, proposals,
// requests and answers) and the staff's pairs. To a student another student is a name, "peer on X" and — once paired —
// the contact the LMS shared; the schemas below have no field for a level, so none could be shown by mistake.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiRequest } from '../../../lib/api-client';

const pointSchema = z.object({ outcomeId: z.string(), indicatorId: z.optional(z.string()) });
const personSchema = z.object({ id: z.string(), name: z.nullable(z.string()), email: z.nullable(z.string()) });
const statusSchema = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'ended']);
const requestBase = { id: z.string(), point: pointSchema, status: statusSchema, createdAt: z.string(), decidedAt: z.nullable(z.string()) };
/** An ended pair says who ended it: one of the two, or a teacher. */
const endedBase = { endedAt: z.nullable(z.string()), endedBy: z.nullable(z.enum(['junior', 'peer', 'teacher'])) };

const meSchema = z.object({
  junior: z.array(pointSchema),
  canOffer: z.array(pointSchema),
  offered: z.array(pointSchema),
  peerOn: z.array(pointSchema),
  juniors: z.object({ count: z.number(), max: z.number() }),
  asked: z.array(z.object({ ...requestBase, ...endedBase, peer: personSchema })),
  incoming: z.array(z.object({ ...requestBase, ...endedBase, junior: personSchema })),
});

const proposalsSchema = z.object({ point: pointSchema, peers: z.array(z.object({ id: z.string(), name: z.nullable(z.string()), peerOn: z.array(pointSchema) })) });

const pairsSchema = z.object({
  pairs: z.array(z.object({ ...requestBase, status: z.enum(['pending', 'accepted']), junior: personSchema, peer: personSchema })),
  points: z.array(z.object({ point: pointSchema, peers: z.number(), juniors: z.number() })),
});

// The titles of outcomes and indicators: the student reads them from their intake, staff from the intake design.
const titlesSchema = z.object({ outcomes: z.array(z.object({ outcomeId: z.string(), title: z.string(), indicators: z.array(z.object({ id: z.string(), text: z.string() })) })) });

export type Point = z.infer<typeof pointSchema>;
export type PeersMe = z.infer<typeof meSchema>;
export type Pairs = z.infer<typeof pairsSchema>;
export type Titles = z.infer<typeof titlesSchema>;

const meKey = ['peers', 'me'] as const;

export function usePeersMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: () => apiRequest('/api/peers/me', meSchema) });
}

export function useStudentTitlesQuery() {
  return useQuery({ queryKey: ['peers', 'titles', 'student'], queryFn: () => apiRequest('/api/intake', z.object({ design: titlesSchema })).then((a) => a.design), retry: false });
}

export function useStaffTitlesQuery() {
  return useQuery({ queryKey: ['peers', 'titles', 'staff'], queryFn: () => apiRequest('/api/intake/design', titlesSchema), retry: false });
}

export function useProposalsQuery(point: Point | null) {
  const query = point ? `?outcomeId=${encodeURIComponent(point.outcomeId)}${point.indicatorId ? `&indicatorId=${encodeURIComponent(point.indicatorId)}` : ''}` : '';
  return useQuery({ queryKey: ['peers', 'proposals', point?.outcomeId, point?.indicatorId], queryFn: () => apiRequest(`/api/peers/proposals${query}`, proposalsSchema), enabled: point !== null });
}

/** Every change answers the student's whole side again; the proposals are read afresh after it. */
function useMeMutation<T>(call: (input: T) => Promise<PeersMe>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      void queryClient.invalidateQueries({ queryKey: ['peers', 'proposals'] });
    },
  });
}

export const useOffer = () => useMeMutation((points: Point[]) => apiRequest('/api/peers/offer', meSchema, { method: 'PUT', body: { points } }));
export const useAsk = () => useMeMutation(({ point, peerId }: { point: Point; peerId: string }) => apiRequest('/api/peers/requests', meSchema, { method: 'POST', body: { ...point, peerId } }));
/** `end` ends an accepted pair (the junior or the peer); the others answer or withdraw a pending request. */
export const useAnswer = () =>
  useMeMutation(({ requestId, answer }: { requestId: string; answer: 'accept' | 'decline' | 'withdraw' | 'end' }) =>
    apiRequest(`/api/peers/requests/${encodeURIComponent(requestId)}/${answer}`, meSchema, { method: 'POST' }),
  );

const pairsKey = ['peers', 'pairs'] as const;

export function usePairsQuery() {
  return useQuery({ queryKey: pairsKey, queryFn: () => apiRequest('/api/peers/pairs', pairsSchema) });
}

/** A teacher ends a pair (POST /api/peers/pairs/:id/end); the answer is the pairs list again. */
export function useEndPair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (requestId: string) => apiRequest(`/api/peers/pairs/${encodeURIComponent(requestId)}/end`, pairsSchema, { method: 'POST' }),
    onSuccess: (pairs) => queryClient.setQueryData(pairsKey, pairs),
    onError: () => queryClient.invalidateQueries({ queryKey: pairsKey }),
  });
}

export const samePoint = (a: Point, b: Point) => a.outcomeId === b.outcomeId && (a.indicatorId ?? '') === (b.indicatorId ?? '');

export function pointTitle(titles: Titles | undefined, point: Point): string {
  const outcome = titles?.outcomes.find((o) => o.outcomeId === point.outcomeId);
  if (!outcome) return point.outcomeId;
  if (!point.indicatorId) return outcome.title;
  return `${outcome.title}: ${outcome.indicators.find((i) => i.id === point.indicatorId)?.text ?? point.indicatorId}`;
}

// The teacher's rules for peers: how many juniors one peer takes (N) and the lowest level to offer help from.
const settingsSchema = z.object({ version: z.number(), maxJuniorsPerPeer: z.number(), minimumPeerRank: z.nullable(z.number()) });
export type PeerSettings = z.infer<typeof settingsSchema>;
const settingsKey = ['peers', 'settings'] as const;

export const usePeerSettingsQuery = () => useQuery({ queryKey: settingsKey, queryFn: () => apiRequest('/api/peers/settings', settingsSchema) });

export function useSavePeerSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: PeerSettings) => apiRequest('/api/peers/settings', settingsSchema, { method: 'PUT', body: settings }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
    onError: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
}
