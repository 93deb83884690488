// Ending an accepted pair: the junior or the peer from their own side, a teacher from the pairs list. The peer's place
// frees up at once, and neither sees the other's contact any more (views show it only for an accepted pair).
import { endPair } from '../../../domain/peers/index';
import type { LaunchSession } from '../../../lti/session-token';
import type { PeerDeps } from '../deps';
import { requestGone, requestNotFound } from '../errors';
import { ownView, type OwnPeers } from './own-peers';
import { peerStanding } from './peer-standing';
import { pairsInScope, type PairsAnswer } from './staff-peers';

async function end(deps: PeerDeps, props: { session: LaunchSession; requestId: string; asTeacher: boolean }): Promise<void> {
  const { session, requestId, asTeacher } = props;
  const standing = await peerStanding(deps, { session, audience: asTeacher ? 'staff' : 'student' });
  const playbookId = standing.standings.playbook.id;
  const request = await deps.peers.getRequest(playbookId, requestId);
  // To a student, a request between two others does not exist (as for answering one).
  if (!request || (!asTeacher && request.juniorId !== session.sub && request.peerId !== session.sub)) throw requestNotFound(requestId);
  endPair(request, { id: session.sub, teacher: asTeacher });
  if (!(await deps.peers.endPair({ ...request, playbookId }, { by: session.sub, at: deps.learningRoutes.now() }))) throw requestGone(requestId);
}

/** The junior or the peer ends their pair; the answer is their own side again. */
export async function endOwnPair(deps: PeerDeps, props: { session: LaunchSession; requestId: string }): Promise<OwnPeers> {
  await end(deps, { ...props, asTeacher: false });
  return ownView(deps, await peerStanding(deps, { session: props.session, audience: 'student' }), props.session.sub);
}

/** A teacher ends a pair in the course; the answer is the pairs list again. */
export async function endPairAsTeacher(deps: PeerDeps, props: { session: LaunchSession; requestId: string }): Promise<PairsAnswer> {
  await end(deps, { ...props, asTeacher: true });
  return pairsInScope(deps, { session: props.session });
}
