// The four self-direction levels (Taks, 2003) and what each allows a student to do with their route.

export const SELF_DIRECTION_LEVELS = [1, 2, 3, 4] as const;
export type SelfDirectionLevel = (typeof SELF_DIRECTION_LEVELS)[number];

/** Message keys for the names of the levels; the client says them in Dutch or English. */
export const LEVEL_NAME_KEYS: Record<SelfDirectionLevel, string> = {
  1: 'self_direction.guided_work',
  2: 'self_direction.self_directed_learning',
  3: 'self_direction.self_responsible_learning',
  4: 'self_direction.autonomous_learning',
};

export function isSelfDirectionLevel(value: unknown): value is SelfDirectionLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** A coach's per-student setting wins over the playbook's level. */
export function effectiveLevel(playbookLevel: SelfDirectionLevel, override?: SelfDirectionLevel | null): SelfDirectionLevel {
  return override ?? playbookLevel;
}

/** Level 1 follows the teacher's recommended route; from level 2 the student composes within the rules. */
export function canComposeRoute(level: SelfDirectionLevel): boolean {
  return level >= 2;
}

/** From level 3 the student adds personal learning goals to the fixed outcome. */
export function canSetLearningGoals(level: SelfDirectionLevel): boolean {
  return level >= 3;
}

/** From level 3 the student assesses their own work against the rubric before the teacher grades. */
export function canSelfAssess(level: SelfDirectionLevel): boolean {
  return level >= 3;
}

/** Only at level 4 may the student propose activities outside the catalogue (the coach approves them). */
export function canProposeActivities(level: SelfDirectionLevel): boolean {
  return level >= 4;
}
