// The refusals of the teacher's playbook API that the shared error family has no class for yet.
import { AppError, ConflictError } from '../../errors';
import type { Message } from '../../domain/messages';

/** The launched link has no playbook yet: the teacher sets one up first (POST /api/placement/playbook). */
export class NoPlaybookError extends AppError {
  constructor() {
    super(404, 'no_playbook', 'This link has no playbook yet. A teacher sets one up first.');
  }
}

/** Students only see a playbook once the teacher has published it. */
export class PlaybookDraftError extends AppError {
  constructor() {
    super(404, 'playbook_not_published', 'This playbook has not been published yet.');
  }
}

/** The teacher saved from a stale copy: `currentRevision` is what they must reload. */
export class RevisionConflictError extends ConflictError {
  constructor(expected: number, currentRevision: number) {
    super('version_conflict', 'Someone saved this playbook after you opened it. Reload it to see the changes, then try again.', {
      expected,
      currentRevision,
    });
  }
}

/** Publishing is refused with every reason at once, as message keys the designer can show. */
export class PlaybookIncompleteError extends AppError {
  constructor(reasons: Message[]) {
    super(422, 'playbook_incomplete', 'The playbook cannot be published yet.', { reasons });
  }
}

/** An import replaces every outcome and its criteria, which the students of a published playbook already rely on. */
export class PlaybookPublishedError extends ConflictError {
  constructor() {
    super('playbook_published', 'A published playbook cannot be replaced by an import. Import into a new link instead.');
  }
}

/**
 * Students of the published playbook already read this outcome's statement and criteria: the teacher confirms the
 * change (sends `confirm: true`) before it applies. `changes` names the parts, for the designer's question.
 */
export class PublishedChangeUnconfirmedError extends ConflictError {
  constructor(details: { outcomeId: string; outcomeTitle: string; changes: string[] }) {
    super('published_change_unconfirmed', 'Students have already seen these criteria. Confirm the change to apply it; it is recorded in the playbook history.', details);
  }
}
