// The peers feature: from the intake and grades a student is a junior on some points and may offer to be a peer on
// others; a junior asks one of the proposed peers (load-balanced, at most N juniors each), the peer answers; coaches see the pairs.
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import type { IntakeStandings } from '../intake/index';
import type { LearningRouteDeps } from '../learning-routes/index';
import { createPeerDeps } from './deps';
import { peerRoutes } from './routes';

export interface PeersFeature {
  router: Router;
}

export function createPeersFeature(props: { connection: Connection; standings: IntakeStandings; learningRoutes: LearningRouteDeps }): PeersFeature {
  return { router: peerRoutes(createPeerDeps(props)) };
}
