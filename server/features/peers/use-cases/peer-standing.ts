// Who is junior and peer on what in the session's playbook: the class's standings, the teacher's settings and the offers.
import { pointKey, type PointRef } from '../../../domain/intake/index';
import { activePeerPoints, juniorPoints, peerEligiblePoints, type PeerCandidate } from '../../../domain/peers/index';
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassStandings, StudentStanding } from '../../intake/index';
import type { PeerOffer, StoredPeerSettings } from '../data/peer-repository';
import type { PeerDeps } from '../deps';

export interface PeerStanding {
  standings: ClassStandings;
  settings: StoredPeerSettings;
  offers: Map<string, PeerOffer>;
  /** Active peers (offered and still eligible) with their load, for proposals. */
  candidates: PeerCandidate[];
}

export async function peerStanding(deps: PeerDeps, props: { session: LaunchSession; audience: 'student' | 'staff' }): Promise<PeerStanding> {
  const standings = await deps.standings.classStandings(props);
  const [settings, offerList] = await Promise.all([deps.peers.getSettings(standings.playbook.id), deps.peers.listOffers(standings.playbook.id)]);
  const offers = new Map(offerList.map((o) => [o.studentId, o]));
  const candidates = standings.students.map((s) => ({
    studentId: s.student.id,
    peerOn: activePeerPoints(offers.get(s.student.id)?.points ?? [], s.points, settings).map(pointKey),
    load: offers.get(s.student.id)?.load ?? 0,
  }));
  return { standings, settings, offers, candidates };
}

export interface StudentRoles {
  junior: PointRef[];
  canOffer: PointRef[];
  offered: string[];
  peerOn: string[];
  load: number;
}

export function rolesOf(standing: PeerStanding, student: StudentStanding | undefined, studentId: string): StudentRoles {
  const points = student?.points ?? [];
  const offer = standing.offers.get(studentId);
  return {
    junior: juniorPoints(points),
    canOffer: peerEligiblePoints(points, standing.settings),
    offered: offer?.points ?? [],
    peerOn: standing.candidates.find((c) => c.studentId === studentId)?.peerOn.slice() ?? [],
    load: offer?.load ?? 0,
  };
}
