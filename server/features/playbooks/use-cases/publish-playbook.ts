// Publishing the placement's playbook: from then on students see it and choose their routes from it.
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../data/playbook-repository';
import { PlaybookIncompleteError, RevisionConflictError } from '../errors';
import { changePlacementPlaybook, clockOf, placementPlaybook, type PlaybookDeps } from './placement-playbook';
import { publishReadiness, type PublishReadiness } from './publish-readiness';

/** Refused with every blocking reason (422 `playbook_incomplete`); publishing a published playbook changes nothing. */
export async function publishPlaybook(
  deps: PlaybookDeps,
  props: { session: LaunchSession; revision: number },
): Promise<{ stored: StoredPlaybook; warnings: PublishReadiness['warnings'] }> {
  const current = await placementPlaybook(deps, props);
  if (current.revision !== props.revision) throw new RevisionConflictError(props.revision, current.revision);
  const { blocking, warnings } = publishReadiness(current);
  if (blocking.length > 0) throw new PlaybookIncompleteError(blocking);
  if (current.playbook.status === 'published') return { stored: current, warnings };
  const now = clockOf(deps);
  const stored = await changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => ({ playbook: { ...playbook, status: 'published', publishedAt: now }, outcomes }),
    record: () => ({ action: 'published', changes: [] }),
  });
  return { stored, warnings };
}

/**
 * Takes a published playbook back to a draft: students no longer see it (their route requests answer 404 `no_playbook`,
 * the published view 404 `playbook_not_published`), but their routes, evidence and grades stay stored, and publishing
 * again shows them as they were left. Unpublishing a draft changes nothing.
 */
export async function unpublishPlaybook(deps: PlaybookDeps, props: { session: LaunchSession; revision: number }): Promise<StoredPlaybook> {
  const current = await placementPlaybook(deps, props);
  if (current.revision !== props.revision) throw new RevisionConflictError(props.revision, current.revision);
  if (current.playbook.status !== 'published') return current;
  return changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => ({ playbook: { ...playbook, status: 'draft', publishedAt: undefined }, outcomes }),
    record: () => ({ action: 'unpublished', changes: [] }),
  });
}

