// The playbooks feature: a teacher designs the playbook of a placement (frame, outcomes, activities, exchange) and publishes it.
// Other features use its store of playbooks and the keys that name a placement, through the exports below only.
import type { Router } from 'express';
import type { Lti } from '../../lti/index';
import type { PlaybookRepository } from './data/playbook-repository';
import type { PlaybookDeps } from './use-cases/placement-playbook';
import { playbookRoutes } from './routes';

export { createPlaybookRepository, placementIdOf } from './data/playbook-repository';
export type { ContextKey, NewPlaybook, PlacementKey, PlaybookRepository, PlaybookSummary, StoredPlaybook } from './data/playbook-repository';
export type { PlacementDocument } from './data/playbook-model';
export type { KeptPlaybookOptions } from './data/kept-playbooks';
export { toPlacement } from './data/playbook-mapper';
export { contextKeyOf, isPending, pendingPlacementKey, placementKeyOf, sameContext } from './use-cases/placement-keys';

export interface PlaybooksFeature {
  router: Router;
  /** The one playbook store of the app, shared with the features that read playbooks. */
  repository: PlaybookRepository;
}

/**
 * The playbook endpoints over the app's one playbook store (made with createPlaybookRepository, shared with placements);
 * `openPlaybook` is the placements feature's rule for which playbook a launched link opens.
 */
export function createPlaybooksFeature(deps: { lti: Lti; repository: PlaybookRepository; openPlaybook: PlaybookDeps['openPlaybook'] }): PlaybooksFeature {
  const { repository } = deps;
  return { repository, router: playbookRoutes({ lti: deps.lti, playbooks: repository, openPlaybook: deps.openPlaybook }) };
}
