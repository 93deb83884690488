// The placements feature: which playbook a launched link opens (its own, a deep-linked one, a copy after a course copy)
// and what a teacher placing Playroute can choose by deep linking.
import type { Router } from 'express';
import type { Lti } from '../../lti/index';
import type { PlaybookRepository } from '../playbooks/index';
import { placementRoutes } from './routes';

export { playbookOfPlacement } from './use-cases/open-placement';
export { contextKeyOf, placementKeyOf } from './use-cases/placement-keys';

export interface PlacementsFeature {
  router: Router;
}

export function createPlacementsFeature(deps: { lti: Lti; playbooks: PlaybookRepository }): PlacementsFeature {
  return { router: placementRoutes(deps) };
}
