// What the playbook routers need, and the use cases' dependencies built from it.
import type { Lti } from '../../lti/index';
import type { PlaybookDeps } from '../../playbooks/placement-playbook';
import type { PlaybookRepository } from '../../store/repositories/playbook-repository';

export interface PlaybookRouteDeps {
  lti: Lti;
  playbooks: PlaybookRepository;
  now?: () => Date;
}

export function useCaseDepsOf(deps: PlaybookRouteDeps): PlaybookDeps {
  return { playbooks: deps.playbooks, records: deps.lti.records, ...(deps.now ? { now: deps.now } : {}) };
}
