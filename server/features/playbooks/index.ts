// The playbooks feature: a teacher designs the playbook of a placement (frame, outcomes, activities, exchange) and publishes it.
// Other features use its store of playbooks and the keys that name a placement, through the exports below only.
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import type { Lti } from '../../lti/index';
import { createPlaybookRepository, type PlaybookRepository } from './data/playbook-repository';
import { playbookRoutes } from './routes';

export { createPlaybookRepository, placementIdOf } from './data/playbook-repository';
export type { ContextKey, NewPlaybook, PlacementKey, PlaybookRepository, PlaybookSummary, StoredPlaybook } from './data/playbook-repository';
export type { PlacementDocument } from './data/playbook-model';
export { toPlacement } from './data/playbook-mapper';

export interface PlaybooksFeature {
  router: Router;
  /** The one playbook store of the app, shared with the features that read playbooks. */
  repository: PlaybookRepository;
}

export function createPlaybooksFeature(deps: { connection: Connection; lti: Lti }): PlaybooksFeature {
  const repository = createPlaybookRepository(deps.connection);
  return { repository, router: playbookRoutes({ lti: deps.lti, playbooks: repository }) };
}
