// What students and coaches may read before they start: the published playbook, never a draft.
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../data/playbook-repository';
import { PlaybookDraftError } from '../errors';
import { placementPlaybook, type PlaybookDeps } from './placement-playbook';

/** 404 `playbook_not_published` while the teacher is still designing. Draft outcomes are left out by the view. */
export async function publishedPlaybook(deps: PlaybookDeps, props: { session: LaunchSession }): Promise<StoredPlaybook> {
  const stored = await placementPlaybook(deps, props);
  if (stored.playbook.status !== 'published') throw new PlaybookDraftError();
  return stored;
}
