// A student's side of learning from each other: their roles, offering help, asking a proposed peer, answering a request.
import { designPoints, pointKey, type PointRef } from '../../../domain/intake/index';
import { decideRequest, proposePeers, type PeerDecision } from '../../../domain/peers/index';
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassListMember } from '../../roster/index';
import { AlreadyExistsError } from '../../../store/store-errors';
import type { StoredPeerRequest } from '../data/peer-repository';
import type { PeerDeps } from '../deps';
import { alreadyAsked, notEligible, notJunior, peerFull, peerNotAvailable, requestGone, requestNotFound, unknownPoint } from '../errors';
import { peerStanding, rolesOf, type PeerStanding, type StudentRoles } from './peer-standing';

export interface OwnPeers {
  roles: StudentRoles;
  maxJuniorsPerPeer: number;
  /** Requests this student made as a junior, and requests made to them as a peer. */
  asked: StoredPeerRequest[];
  incoming: StoredPeerRequest[];
  classmates: Map<string, ClassListMember>;
}

export async function ownPeers(deps: PeerDeps, { session }: { session: LaunchSession }): Promise<OwnPeers> {
  const standing = await peerStanding(deps, { session, audience: 'student' });
  return ownView(deps, standing, session.sub);
}

export async function ownView(deps: PeerDeps, standing: PeerStanding, studentId: string): Promise<OwnPeers> {
  const playbookId = standing.standings.playbook.id;
  const [asked, incoming] = await Promise.all([deps.peers.listRequests(playbookId, { juniorId: studentId }), deps.peers.listRequests(playbookId, { peerId: studentId })]);
  const me = standing.standings.students.find((s) => s.student.id === studentId);
  return {
    roles: rolesOf(standing, me, studentId),
    maxJuniorsPerPeer: standing.settings.maxJuniorsPerPeer,
    asked,
    incoming,
    classmates: new Map(standing.standings.students.map((s) => [s.student.id, s.student])),
  };
}

/** Replaces what the student offers to help on; every point must be one where they may be a peer. */
export async function offerHelp(deps: PeerDeps, { session, points }: { session: LaunchSession; points: PointRef[] }): Promise<OwnPeers> {
  const standing = await peerStanding(deps, { session, audience: 'student' });
  const roles = rolesOf(standing, standing.standings.students.find((s) => s.student.id === session.sub), session.sub);
  const eligible = new Set(roles.canOffer.map(pointKey));
  const keys = [...new Set(points.map(pointKey))];
  const refused = keys.filter((key) => !eligible.has(key));
  if (refused.length > 0) throw notEligible(refused);
  await deps.peers.setOffer(standing.standings.playbook.id, session.sub, keys, deps.learningRoutes.now());
  return ownView(deps, await peerStanding(deps, { session, audience: 'student' }), session.sub);
}

export interface ProposalsAnswer {
  point: string;
  peers: ClassListMember[];
  /** What each proposed classmate is a peer on — all another student ever sees of their level. */
  peerOn: Map<string, string[]>;
}

/** Classmates who are peers on the point with room to spare, the least loaded first; only for a junior on it. */
export async function proposalsFor(deps: PeerDeps, { session, point }: { session: LaunchSession; point: PointRef }): Promise<ProposalsAnswer> {
  const standing = await peerStanding(deps, { session, audience: 'student' });
  const key = juniorPointOf(standing, session.sub, point);
  const asked = await deps.peers.listRequests(standing.standings.playbook.id, { juniorId: session.sub });
  const proposed = proposePeers({
    juniorId: session.sub,
    point: key,
    candidates: standing.candidates,
    maxJuniorsPerPeer: standing.settings.maxJuniorsPerPeer,
    alreadyAsked: asked.filter((r) => r.point === key).map((r) => r.peerId),
  });
  const members = new Map(standing.standings.students.map((s) => [s.student.id, s.student]));
  const peers = proposed.flatMap((p) => {
    const member = members.get(p.studentId);
    return member ? [member] : [];
  });
  return { point: key, peers, peerOn: new Map(standing.candidates.map((c) => [c.studentId, [...c.peerOn]])) };
}

export async function askPeer(deps: PeerDeps, { session, point, peerId }: { session: LaunchSession; point: PointRef; peerId: string }): Promise<OwnPeers> {
  const { peers, point: key } = await proposalsFor(deps, { session, point });
  if (!peers.some((p) => p.id === peerId)) throw peerNotAvailable(peerId, key);
  const standing = await peerStanding(deps, { session, audience: 'student' });
  try {
    await deps.peers.createRequest({ playbookId: standing.standings.playbook.id, juniorId: session.sub, peerId, point: key, at: deps.learningRoutes.now() });
  } catch (error) {
    if (error instanceof AlreadyExistsError) throw alreadyAsked(key);
    throw error;
  }
  return ownView(deps, standing, session.sub);
}

/** The peer accepts (within N) or declines; the junior withdraws. */
export async function decide(deps: PeerDeps, { session, requestId, decision }: { session: LaunchSession; requestId: string; decision: PeerDecision }): Promise<OwnPeers> {
  const standing = await peerStanding(deps, { session, audience: 'student' });
  const playbookId = standing.standings.playbook.id;
  const request = await deps.peers.getRequest(playbookId, requestId);
  if (!request || (request.juniorId !== session.sub && request.peerId !== session.sub)) throw requestNotFound(requestId);
  decideRequest(request, session.sub, decision);
  const at = deps.learningRoutes.now();
  if (decision === 'accept') {
    const max = standing.settings.maxJuniorsPerPeer;
    const accepted = await deps.peers.acceptRequest({ ...request, playbookId }, max, at);
    if (accepted === 'full') throw peerFull(max);
    if (accepted === 'gone') throw requestGone(requestId);
  } else if (!(await deps.peers.closeRequest(requestId, decision === 'decline' ? 'declined' : 'withdrawn', at))) {
    throw requestGone(requestId);
  }
  return ownView(deps, await peerStanding(deps, { session, audience: 'student' }), session.sub);
}

function juniorPointOf(standing: PeerStanding, studentId: string, point: PointRef): string {
  const key = pointKey(point);
  if (!designPoints(standing.standings.design).some((p) => pointKey(p) === key)) throw unknownPoint(key);
  const me = standing.standings.students.find((s) => s.student.id === studentId);
  if (!rolesOf(standing, me, studentId).junior.some((p) => pointKey(p) === key)) throw notJunior(key);
  return key;
}
