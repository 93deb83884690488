// What the project-group use cases work with: their store, the intake's standings, the learning routes' clock and ids.
import type { Connection } from 'mongoose';
import type { IntakeStandings } from '../intake/index';
import type { LearningRouteDeps } from '../learning-routes/index';
import { createGroupSetRepository, type GroupSetRepository } from './data/group-set-repository';

export interface ProjectGroupDeps {
  sets: GroupSetRepository;
  standings: IntakeStandings;
  learningRoutes: Pick<LearningRouteDeps, 'now' | 'newId'>;
}

export function createProjectGroupDeps(props: { connection: Connection; standings: IntakeStandings; learningRoutes: LearningRouteDeps }): ProjectGroupDeps {
  return { sets: createGroupSetRepository(props.connection), standings: props.standings, learningRoutes: props.learningRoutes };
}
