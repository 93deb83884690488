// Which classmates Playroute proposes to a junior: peers on the point who still have room, the least loaded first.

export interface PeerCandidate {
  studentId: string;
  /** Point keys on which this student is an active peer (offered and eligible). */
  peerOn: readonly string[];
  /** Juniors this peer has now (accepted pairs). */
  load: number;
}

export interface ProposePeersProps {
  juniorId: string;
  point: string;
  candidates: readonly PeerCandidate[];
  maxJuniorsPerPeer: number;
  /** Peers this junior already asked on this point (pending or accepted): asking twice helps nobody. */
  alreadyAsked?: readonly string[];
}

export interface ProposedPeer {
  studentId: string;
  load: number;
}

/**
 * Balancing the load: a peer at N juniors is never proposed, and among the others the one with the fewest juniors
 * comes first, so help spreads over the class instead of landing on the one strong student. Ties go by id, so the
 * same question gets the same answer.
 */
export function proposePeers({ juniorId, point, candidates, maxJuniorsPerPeer, alreadyAsked = [] }: ProposePeersProps): ProposedPeer[] {
  const asked = new Set(alreadyAsked);
  return candidates
    .filter((c) => c.studentId !== juniorId && !asked.has(c.studentId) && c.peerOn.includes(point) && hasRoom(c.load, maxJuniorsPerPeer))
    .sort((a, b) => a.load - b.load || (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0))
    .map((c) => ({ studentId: c.studentId, load: c.load }));
}

export function hasRoom(load: number, maxJuniorsPerPeer: number): boolean {
  return load < maxJuniorsPerPeer;
}
