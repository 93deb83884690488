// The playbook's history: who published, unpublished or changed criteria students had already seen, and when. Kept inside the playbook document.
import { Schema } from 'mongoose';

export const HISTORY_ACTIONS = ['published', 'unpublished', 'outcome_changed', 'outcome_deleted'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export interface PlaybookHistoryEntry {
  at: Date;
  /** The LMS user (the launch's `sub`) and the name the LMS shared, if any. */
  by: { id: string; name?: string };
  action: HistoryAction;
  outcomeId?: string;
  /** The title after the change (before it, for a deletion), so the entry reads well after later renames. */
  outcomeTitle?: string;
  /** The parts of the outcome that changed: title, tuning, indicators, possibleEvidence, assessments, rubric. */
  changes: string[];
}

/**
 * The newest entries a playbook keeps. A year of weekly changes fits many times over; the bound keeps the one
 * document (read on every request of its placement) from growing without end.
 */
export const HISTORY_LIMIT = 500;

const required = { type: String, required: true } as const;

export const historyEntrySchema = new Schema<PlaybookHistoryEntry>(
  {
    at: { type: Date, required: true },
    by: { id: required, name: String },
    action: { type: String, enum: HISTORY_ACTIONS, required: true },
    outcomeId: String,
    outcomeTitle: String,
    changes: { type: [String], default: [] },
  },
  { _id: false },
);

export function toHistoryEntry(doc: PlaybookHistoryEntry): PlaybookHistoryEntry {
  return {
    at: doc.at,
    by: { id: doc.by.id, ...(doc.by.name ? { name: doc.by.name } : {}) },
    action: doc.action,
    ...(doc.outcomeId ? { outcomeId: doc.outcomeId } : {}),
    ...(doc.outcomeTitle ? { outcomeTitle: doc.outcomeTitle } : {}),
    changes: [...doc.changes],
  };
}
