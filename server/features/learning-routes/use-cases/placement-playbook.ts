// The playbook every route request acts on: the one of the launched placement, so nobody reaches another course's routes.
import type { Playbook } from '../../../domain/playbook';
import type { LaunchSession } from '../../../lti/session-token';
import { playbookOfPlacement } from '../../placements/index';
import type { LearningRouteDeps } from '../deps';
import { noPlaybook } from '../errors';

export interface PlaybookForSessionProps {
  session: LaunchSession;
  /** Students only see a published playbook; staff see it while it is designed too. */
  audience: 'student' | 'staff';
}

export async function playbookForSession(deps: Pick<LearningRouteDeps, 'playbooks' | 'records'>, props: PlaybookForSessionProps): Promise<Playbook> {
  // A student's requests take the playbook this process read a moment ago (kept-playbooks.ts says why that is safe);
  // staff edit and grade, so they always have the store confirm it.
  const stored = await playbookOfPlacement({ playbooks: deps.playbooks, records: deps.records }, { session: props.session, recent: props.audience === 'student' });
  // A draft is the teacher's work in progress: to a student it does not exist yet.
  if (!stored || (props.audience === 'student' && stored.playbook.status !== 'published')) throw noPlaybook();
  return stored.playbook;
}
