// What the playbook routers need, and the use cases' dependencies built from it.
import type { Lti } from '../../../lti/index';
import type { PlaybookDeps } from '../use-cases/placement-playbook';
import type { PlaybookRepository } from '../data/playbook-repository';

export interface PlaybookRouteDeps {
  lti: Lti;
  playbooks: PlaybookRepository;
  openPlaybook: PlaybookDeps['openPlaybook'];
  now?: () => Date;
}

export function useCaseDepsOf(deps: PlaybookRouteDeps): PlaybookDeps {
  return { playbooks: deps.playbooks, records: deps.lti.records, openPlaybook: deps.openPlaybook, ...(deps.now ? { now: deps.now } : {}) };
}
