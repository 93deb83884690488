// Why a peer request cannot be served, as AppErrors with stable codes the client translates.
import { AppError } from '../../errors';

export function notJunior(point: string): AppError {
  return new AppError(409, 'not_junior_on_point', 'You already stand at the level this point asks for, so you need no peer for it.', { point });
}

export function notEligible(points: string[]): AppError {
  return new AppError(422, 'not_eligible_as_peer', 'You can offer help only where your level reaches what the outcome (and your teacher) asks.', { points });
}

export function peerNotAvailable(peerId: string, point: string): AppError {
  return new AppError(409, 'peer_not_available', 'This classmate is not a peer on this point with room for another junior. Choose one of the proposed peers.', { peerId, point });
}

export function alreadyAsked(point: string): AppError {
  return new AppError(409, 'already_asked', 'You already have an open request for a peer on this point.', { point });
}

export function peerFull(max: number): AppError {
  return new AppError(409, 'peer_full', `You already help ${max} juniors, the most your teacher allows.`, { max });
}

export function requestNotFound(id: string): AppError {
  return new AppError(404, 'peer_request_not_found', 'There is no such request for you.', { id });
}

export function requestGone(id: string): AppError {
  return new AppError(409, 'peer_request_closed', 'This request was closed in the meantime.', { id });
}

export function unknownPoint(point: string): AppError {
  return new AppError(422, 'unknown_point', 'The intake of this playbook has no such outcome or indicator.', { point });
}
