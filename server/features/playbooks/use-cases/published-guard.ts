// The guard on criteria students already saw: a published outcome of a published playbook changes only when the teacher confirms.
// Moodle does the same for a rubric already used to grade: its editor saves only after need_confirm_regrading()
// (moodle/moodle grade/grading/form/rubric/edit.php); here the question comes as soon as students can read the criteria.
import type { LearningOutcome } from '../../../domain/outcome';
import type { Playbook } from '../../../domain/playbook';
import { PublishedChangeUnconfirmedError } from '../errors';
import type { HistoryRecord, PlaybookContents } from './placement-playbook';

/** The parts of an outcome students read, in the order the designer shows them. */
const PARTS = ['title', 'tuning', 'indicators', 'possibleEvidence', 'assessments', 'rubric'] as const;

/** Students see an outcome once both it and the playbook are published; a draft of either is the teacher's alone. */
export function studentsSee(playbook: Playbook, outcome: LearningOutcome): boolean {
  return playbook.status === 'published' && outcome.status === 'published';
}

/**
 * The parts whose content differs. Ids are left out of the comparison: a client that resends an indicator without its
 * id gets a new id for the same text, which students would not notice.
 */
export function changedParts(before: LearningOutcome, after: LearningOutcome): string[] {
  return PARTS.filter((part) => contentOf(before[part]) !== contentOf(after[part]));
}

function contentOf(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'id' ? undefined : v));
}

/**
 * Refuses (409 `published_change_unconfirmed`) an unconfirmed change to an outcome students see, and otherwise says
 * what the history records: a change or deletion of such an outcome, or nothing (a draft, or nothing changed).
 */
export function guardOutcomeChange(props: {
  before: PlaybookContents;
  after: PlaybookContents;
  outcomeId: string;
  confirm: boolean;
}): HistoryRecord | undefined {
  const old = props.before.outcomes.find((o) => o.id === props.outcomeId);
  if (!old || !studentsSee(props.before.playbook, old)) return undefined;
  const now = props.after.outcomes.find((o) => o.id === props.outcomeId);
  const changes = now ? changedParts(old, now) : [];
  if (now && changes.length === 0) return undefined;
  const record: HistoryRecord = now
    ? { action: 'outcome_changed', outcomeId: old.id, outcomeTitle: now.title, changes }
    : { action: 'outcome_deleted', outcomeId: old.id, outcomeTitle: old.title, changes: [] };
  if (!props.confirm) throw new PublishedChangeUnconfirmedError({ outcomeId: old.id, outcomeTitle: old.title, changes: record.changes });
  return record;
}
