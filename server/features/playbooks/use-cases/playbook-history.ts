// The teacher reads the playbook's history: publications, unpublications and confirmed changes to criteria students saw.
import type { LaunchSession } from '../../../lti/session-token';
import type { PlaybookHistoryEntry } from '../data/playbook-history';
import { placementPlaybook, type PlaybookDeps } from './placement-playbook';

/** Newest first; only the history of the session's own placement is reachable. */
export async function playbookHistory(deps: PlaybookDeps, props: { session: LaunchSession }): Promise<PlaybookHistoryEntry[]> {
  const stored = await placementPlaybook(deps, props);
  return deps.playbooks.history(stored.playbook.id);
}
