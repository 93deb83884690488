// A junior's request to a peer on one point, and who may move it on: the peer accepts or declines, the junior may withdraw it; an accepted pair can be ended.

import { DomainError } from '../errors';

export type PeerRequestStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'ended';

export interface PeerRequest {
  id: string;
  juniorId: string;
  peerId: string;
  point: string;
  status: PeerRequestStatus;
}

export type PeerDecision = 'accept' | 'decline' | 'withdraw';

const NEXT: Record<PeerDecision, PeerRequestStatus> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' };

/**
 * The status after `actorId` makes `decision`: only the asked peer accepts or declines, only the junior withdraws,
 * and only a pending request moves (an accepted pair is not undone by a late click in another tab).
 */
export function decideRequest(request: PeerRequest, actorId: string, decision: PeerDecision): PeerRequestStatus {
  const actorIs = decision === 'withdraw' ? request.juniorId : request.peerId;
  if (actorId !== actorIs) throw new DomainError('not_authorised', `only the ${decision === 'withdraw' ? 'junior' : 'peer'} may ${decision}`, { decision });
  if (request.status !== 'pending') throw new DomainError('invalid_transition', `a ${request.status} request cannot be changed`, { from: request.status, to: NEXT[decision] });
  return NEXT[decision];
}

/** Who ends a pair: a student by id, or a teacher of the course (who watches over every pair in it). */
export interface PairActor {
  id: string;
  teacher: boolean;
}

/**
 * An accepted pair ends when the junior, the peer or a teacher says so (it did not work out, the junior caught up);
 * another student cannot end it. A pending request is withdrawn or declined instead, so only an accepted one ends.
 */
export function endPair(request: PeerRequest, actor: PairActor): PeerRequestStatus {
  if (!actor.teacher && actor.id !== request.juniorId && actor.id !== request.peerId) throw new DomainError('not_authorised', 'only the junior, the peer or a teacher may end a pair', { decision: 'end' });
  if (request.status !== 'accepted') throw new DomainError('invalid_transition', `a ${request.status} request cannot be ended`, { from: request.status, to: 'ended' });
  return 'ended';
}
