// The input and output of forming project groups from the intake.

/** mixed: every group gets a peer on every outcome where it can; similar: students of like level together. */
export type GroupingMode = 'mixed' | 'similar';

/** Either the size the teacher wants (groups of at most that size) or the number of groups. */
export type GroupTarget = { size: number } | { count: number };

export interface GroupingStudent {
  id: string;
  /** Outcome ids on which the student stands at or above the outcome's target: they can help the group there. */
  peerOn: readonly string[];
  /** The student's level across the outcomes, 0 (lowest, or unknown) to 1 (top): what 'similar' sorts on. */
  score: number;
}

export interface LockedGroup {
  id: string;
  memberIds: readonly string[];
}

export interface GroupingInput {
  students: readonly GroupingStudent[];
  /** The outcomes the mix rule looks at; earlier ones are not favoured, the scarcest peers are placed first. */
  outcomeIds: readonly string[];
  mode: GroupingMode;
  target: GroupTarget;
  /** Students who stay together; overlapping lists join into one cluster. */
  fixedPartners?: readonly (readonly string[])[];
  /** Groups the teacher locked: they come back unchanged and their members are not grouped again. */
  locked?: readonly LockedGroup[];
}

export interface FormedGroup {
  /** Set for a locked group (kept); new groups get their id from whoever stores them. */
  id?: string;
  memberIds: string[];
  locked: boolean;
}

export interface Grouping {
  /** The locked groups first, then the new ones. */
  groups: FormedGroup[];
  /** In mixed mode: each new group and outcome left without a peer (the teacher sees where help is missing). */
  missingPeers: { groupIndex: number; outcomeId: string }[];
}
