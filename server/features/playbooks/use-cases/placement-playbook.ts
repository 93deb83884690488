// Reads and changes the playbook of the launched placement: the only one a request can reach, saved under the revision the teacher read.
import { randomUUID } from 'node:crypto';
import type { LearningOutcome } from '../../../domain/outcome';
import type { Playbook } from '../../../domain/playbook';
import type { LaunchSession } from '../../../lti/session-token';
import type { CourseRecords } from '../../../lti/store/course-records';
import { ConcurrencyConflictError } from '../../../store/store-errors';
import type { PlaybookRepository, StoredPlaybook } from '../data/playbook-repository';
import { NoPlaybookError, RevisionConflictError } from '../errors';
import type { PlaybookHistoryEntry } from '../data/playbook-history';

export interface PlaybookDeps {
  playbooks: PlaybookRepository;
  records: CourseRecords;
  /**
   * Which playbook the session's link opens (its own, a deep-linked one, a copy after a course copy). That rule is the
   * placements feature's; the composition root hands it in, so playbooks do not depend on placements.
   */
  openPlaybook: (props: { session: LaunchSession }) => Promise<StoredPlaybook | undefined>;
  /** The clock for publication dates and export stamps; tests may fix it. */
  now?: () => Date;
  /** Makes ids for new outcomes, activities and their parts. */
  newId?: () => string;
}

export interface PlaybookContents {
  playbook: Playbook;
  outcomes: LearningOutcome[];
}

/** What a change adds to the playbook's history; who and when are filled in from the session and the clock. */
export type HistoryRecord = Omit<PlaybookHistoryEntry, 'at' | 'by'>;

export const clockOf = (deps: PlaybookDeps): Date => (deps.now ?? (() => new Date()))();
export const idMakerOf = (deps: PlaybookDeps): (() => string) => deps.newId ?? randomUUID;

/** The placement's playbook; 404 `no_playbook` when the link has none yet. */
export async function placementPlaybook(deps: PlaybookDeps, props: { session: LaunchSession }): Promise<StoredPlaybook> {
  const stored = await deps.openPlaybook(props);
  if (!stored) throw new NoPlaybookError();
  return stored;
}

/**
 * Applies `change` to the placement's playbook and saves it, if it is still at `revision`.
 * The early check gives a stale tab the conflict rather than a refusal computed from someone else's newer design;
 * the store's conditional write closes the gap between read and write.
 */
export async function changePlacementPlaybook(
  deps: PlaybookDeps,
  props: {
    session: LaunchSession;
    revision: number;
    change: (contents: PlaybookContents) => PlaybookContents;
    /** The history entry this change deserves, if any (decided from the contents before and after). */
    record?: (before: PlaybookContents, after: PlaybookContents) => HistoryRecord | undefined;
  },
): Promise<StoredPlaybook> {
  const stored = await placementPlaybook(deps, props);
  if (stored.revision !== props.revision) throw new RevisionConflictError(props.revision, stored.revision);
  const before = { playbook: stored.playbook, outcomes: stored.outcomes };
  const changed = props.change(before);
  const record = props.record?.(before, changed);
  const entry = record ? { ...record, at: clockOf(deps), by: actorOf(props.session) } : undefined;
  return saveGuarded(() => deps.playbooks.save(changed, props.revision, entry));
}

/** Who made a change, as the history keeps it: the LMS user id and the name the LMS shared. */
export function actorOf(session: LaunchSession): PlaybookHistoryEntry['by'] {
  return { id: session.sub, ...(session.name ? { name: session.name } : {}) };
}

/** Turns the store's conflict into the API's, which names the revision to reload. */
export async function saveGuarded(write: () => Promise<StoredPlaybook>): Promise<StoredPlaybook> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConcurrencyConflictError) {
      throw new RevisionConflictError(Number(error.params.expected), Number(error.params.actual));
    }
    throw error;
  }
}
