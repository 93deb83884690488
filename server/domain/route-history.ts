// The audit trail of a route: who changed what and when, appended by every use case.

import type { EntryStatus, ProposalStatus, Role, RouteStatus } from './route';
import type { SelfDirectionLevel } from './self-direction';

export type RouteChange =
  | { kind: 'created'; activityIds: string[] }
  | { kind: 'entries_saved'; added: string[]; removed: string[]; reordered: boolean }
  | { kind: 'status_changed'; from: RouteStatus; to: RouteStatus; comment?: string }
  | { kind: 'progress'; activityId: string; from: EntryStatus; to: EntryStatus }
  | { kind: 'level_set'; from: SelfDirectionLevel | null; to: SelfDirectionLevel | null }
  | { kind: 'goal_added'; goalId: string; text: string }
  | { kind: 'goal_removed'; goalId: string }
  | { kind: 'activity_proposed'; ownActivityId: string; title: string }
  | { kind: 'proposal_reviewed'; ownActivityId: string; decision: Exclude<ProposalStatus, 'proposed'>; comment?: string }
  | { kind: 'study_plan_saved' };

export interface RouteHistoryEntry {
  at: Date;
  actorId: string;
  actorRole: Role;
  /** The route version this change produced. */
  version: number;
  change: RouteChange;
}
