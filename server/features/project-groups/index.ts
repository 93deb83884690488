// The project-groups feature: the teacher forms groups for a collaborative activity from the intake (mixed or similar
// levels, size or count, fixed partners), moves students and locks groups; students see their own group.
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import type { IntakeStandings } from '../intake/index';
import type { LearningRouteDeps } from '../learning-routes/index';
import { createProjectGroupDeps } from './deps';
import { projectGroupRoutes } from './routes';

export interface ProjectGroupsFeature {
  router: Router;
}

export function createProjectGroupsFeature(props: { connection: Connection; standings: IntakeStandings; learningRoutes: LearningRouteDeps }): ProjectGroupsFeature {
  return { router: projectGroupRoutes(createProjectGroupDeps(props)) };
}
