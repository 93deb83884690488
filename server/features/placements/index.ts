// The placements feature: which playbook a launched link opens (its own, a deep-linked one, a copy after a course copy)
// and what a teacher placing Playroute can choose by deep linking.
import type { Router } from 'express';
import type { Lti } from '../../lti/index';
import type { LaunchSession } from '../../lti/session-token';
import type { PlaybookRepository, StoredPlaybook } from '../playbooks/index';
import { playbookOfPlacement } from './use-cases/open-placement';
import { placementRoutes } from './routes';

export { playbookOfPlacement } from './use-cases/open-placement';

export interface PlacementsFeature {
  router: Router;
  /** Which playbook the session's link opens, bound to the app's stores; undefined until the teacher sets one up. */
  openPlaybook: (props: { session: LaunchSession }) => Promise<StoredPlaybook | undefined>;
}

export function createPlacementsFeature(deps: { lti: Lti; playbooks: PlaybookRepository }): PlacementsFeature {
  const stores = { playbooks: deps.playbooks, records: deps.lti.records };
  return { router: placementRoutes(deps), openPlaybook: (props) => playbookOfPlacement(stores, props) };
}
