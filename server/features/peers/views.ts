// What the peer endpoints answer. To a student, another student is a name, a contact once paired, and "peer on X" —
// never a level or a score.
import { pointOf } from '../../domain/intake/index';
import type { ClassListMember } from '../roster/index';
import type { StoredPeerRequest } from './data/peer-repository';
import type { OwnPeers, ProposalsAnswer } from './use-cases/own-peers';
import type { PairsAnswer } from './use-cases/staff-peers';

/** Contact as far as the LMS shared it: the name always (to decide on a request), the e-mail once the pair is accepted. */
function personView(member: ClassListMember | undefined, id: string, paired: boolean) {
  return { id, name: member?.name ?? null, email: paired ? (member?.email ?? null) : null };
}

/** Who ended a pair, as the two students see it: one of them, or a teacher. */
function endedByView(request: StoredPeerRequest): 'junior' | 'peer' | 'teacher' | null {
  if (!request.endedBy) return null;
  return request.endedBy === request.juniorId ? 'junior' : request.endedBy === request.peerId ? 'peer' : 'teacher';
}

function requestView(request: StoredPeerRequest, other: ReturnType<typeof personView>, role: 'peer' | 'junior') {
  return {
    id: request.id,
    point: pointOf(request.point),
    status: request.status,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt ?? null,
    endedAt: request.endedAt ?? null,
    endedBy: endedByView(request),
    [role]: other,
  };
}

export function ownPeersView(own: OwnPeers) {
  const paired = (r: StoredPeerRequest) => r.status === 'accepted';
  return {
    junior: own.roles.junior,
    canOffer: own.roles.canOffer,
    offered: own.roles.offered.map(pointOf),
    peerOn: own.roles.peerOn.map(pointOf),
    juniors: { count: own.roles.load, max: own.maxJuniorsPerPeer },
    asked: own.asked.map((r) => requestView(r, personView(own.classmates.get(r.peerId), r.peerId, paired(r)), 'peer')),
    incoming: own.incoming.map((r) => requestView(r, personView(own.classmates.get(r.juniorId), r.juniorId, paired(r)), 'junior')),
  };
}

export function proposalsView(answer: ProposalsAnswer) {
  return {
    point: pointOf(answer.point),
    peers: answer.peers.map((p) => ({ id: p.id, name: p.name, peerOn: (answer.peerOn.get(p.id) ?? []).map(pointOf) })),
  };
}

export function pairsView(answer: PairsAnswer, withEmail: boolean) {
  const person = (id: string) => {
    const member = answer.people.get(id);
    return { id, name: member?.name ?? null, email: withEmail ? (member?.email ?? null) : null };
  };
  return {
    pairs: answer.pairs.map((r) => ({ id: r.id, point: pointOf(r.point), status: r.status, junior: person(r.juniorId), peer: person(r.peerId), createdAt: r.createdAt, decidedAt: r.decidedAt ?? null })),
    points: answer.points.map((p) => ({ point: pointOf(p.point), peers: p.peers, juniors: p.juniors })),
  };
}
