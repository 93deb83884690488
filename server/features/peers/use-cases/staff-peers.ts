// The teacher's peer settings, and the pairs a coach or teacher sees among the students in their scope.
import type { PeerSettings } from '../../../domain/peers/index';
import type { LaunchSession } from '../../../lti/session-token';
import { studentsInScope } from '../../learning-routes/index';
import type { ClassListMember } from '../../roster/index';
import type { StoredPeerRequest, StoredPeerSettings } from '../data/peer-repository';
import type { PeerDeps } from '../deps';
import { peerStanding } from './peer-standing';

export async function readSettings(deps: PeerDeps, { session }: { session: LaunchSession }): Promise<StoredPeerSettings> {
  return (await peerStanding(deps, { session, audience: 'staff' })).settings;
}

export async function saveSettings(deps: PeerDeps, props: { session: LaunchSession; version: number; settings: PeerSettings }): Promise<StoredPeerSettings> {
  const { standings } = await peerStanding(deps, { session: props.session, audience: 'staff' });
  return deps.peers.saveSettings(standings.playbook.id, props.settings, { expectedVersion: props.version, by: props.session.sub, at: deps.learningRoutes.now() });
}

export interface PairsAnswer {
  pairs: StoredPeerRequest[];
  people: Map<string, ClassListMember>;
  /** Per point key, how many active peers and how many of their places are taken: the coach sees where help runs short. */
  points: { point: string; peers: number; juniors: number }[];
}

/** Open and accepted pairs where the junior or the peer is one of the caller's students. */
export async function pairsInScope(deps: PeerDeps, { session }: { session: LaunchSession }): Promise<PairsAnswer> {
  const [standing, scope] = await Promise.all([peerStanding(deps, { session, audience: 'staff' }), studentsInScope(deps.learningRoutes, { session })]);
  const visible = new Set(scope.students.map((s) => s.id));
  const all = await deps.peers.listRequests(standing.standings.playbook.id);
  const pairs = all.filter((r) => (r.status === 'pending' || r.status === 'accepted') && (visible.has(r.juniorId) || visible.has(r.peerId)));
  const people = new Map(standing.standings.students.map((s) => [s.student.id, s.student]));
  const keys = [...new Set(standing.candidates.flatMap((c) => c.peerOn))];
  const points = keys.map((point) => ({
    point,
    peers: standing.candidates.filter((c) => c.peerOn.includes(point)).length,
    juniors: all.filter((r) => r.point === point && r.status === 'accepted').length,
  }));
  return { pairs, people, points };
}
