// What the peer use cases work with: their store, the intake's standings and the learning routes' class list and scope rule.
import type { Connection } from 'mongoose';
import type { IntakeStandings } from '../intake/index';
import type { LearningRouteDeps } from '../learning-routes/index';
import { createPeerRepository, type PeerRepository } from './data/peer-repository';

export interface PeerDeps {
  peers: PeerRepository;
  standings: IntakeStandings;
  learningRoutes: LearningRouteDeps;
}

export function createPeerDeps(props: { connection: Connection; standings: IntakeStandings; learningRoutes: LearningRouteDeps }): PeerDeps {
  return { peers: createPeerRepository(props.connection), standings: props.standings, learningRoutes: props.learningRoutes };
}
