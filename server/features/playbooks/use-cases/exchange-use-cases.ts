// Exporting the placement's playbook as the sharing file, and replacing its design with an imported one.
import type { PlaybookFile } from '../../../domain/playbook-format';
import { exportPlaybook, parseImport, type ImportIssue } from '../../../domain/playbook-exchange';
import { findPrerequisiteCycle } from '../../../domain/prerequisite-cycles';
import { ValidationError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../data/playbook-repository';
import { PlaybookPublishedError, RevisionConflictError } from '../errors';
import { clockOf, idMakerOf, placementPlaybook, saveGuarded, type PlaybookDeps } from './placement-playbook';

export async function exportPlacementPlaybook(deps: PlaybookDeps, props: { session: LaunchSession }): Promise<{ title: string; file: PlaybookFile }> {
  const stored = await placementPlaybook(deps, props);
  return { title: stored.playbook.title, file: exportPlaybook(stored.playbook, stored.outcomes, clockOf(deps)) };
}

/**
 * All or nothing: an invalid file is refused with every issue (400, details.issues) and nothing is written;
 * a valid one replaces the design and all outcomes in one conditional write. Only a draft can be replaced.
 */
export async function importIntoPlacement(deps: PlaybookDeps, props: { session: LaunchSession; revision: number; file: unknown }): Promise<StoredPlaybook> {
  const current = await placementPlaybook(deps, props);
  if (current.revision !== props.revision) throw new RevisionConflictError(props.revision, current.revision);
  if (current.playbook.status === 'published') throw new PlaybookPublishedError();
  const result = parseImport(props.file, { newId: idMakerOf(deps) });
  const issues = result.ok ? cycleIssues(result.value.playbook.activities) : result.issues;
  if (!result.ok || issues.length > 0) {
    const first = issues[0];
    const summary = first ? `${first.path || 'file'}: ${first.message}` : 'file: is invalid';
    throw new ValidationError(issues.length > 1 ? `${summary} (and ${issues.length - 1} more)` : summary, { issues });
  }
  return saveGuarded(() => deps.playbooks.replaceFromImport(current.playbook.id, result.value, props.revision));
}

/** The file format checks references but not their order; a cycle would make some activities unreachable. */
function cycleIssues(activities: { id: string; prerequisiteIds: string[] }[]): ImportIssue[] {
  const cycle = findPrerequisiteCycle(activities);
  if (!cycle) return [];
  const index = activities.findIndex((a) => a.id === cycle[0]);
  return [{ path: `playbook.activities.${index}.prerequisiteIds`, message: 'prerequisites go round in a circle' }];
}
