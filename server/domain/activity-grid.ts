// The 3-3-5 grid: three learning environments, three forms of learning and five activity types.

export const ENVIRONMENTS = ['online', 'workplace', 'campus'] as const;
export const LEARNING_FORMS = ['self-study', 'expert', 'collaborative'] as const;
/** In the order a learning cycle usually runs, which is also the order the client shows them. */
export const ACTIVITY_TYPES = ['activation', 'instruction', 'application', 'feedback', 'reflection'] as const;

export type Environment = (typeof ENVIRONMENTS)[number];
export type LearningForm = (typeof LEARNING_FORMS)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Where an activity sits in the grid. */
export interface GridPosition {
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
}

/** Stable key of an environment × form cell, e.g. "workplace/expert". */
export function cellKey(environment: Environment, form: LearningForm): string {
  return `${environment}/${form}`;
}

/** Every environment × form cell, environments first, in grid order. */
export function gridCells(): { environment: Environment; form: LearningForm }[] {
  return ENVIRONMENTS.flatMap((environment) => LEARNING_FORMS.map((form) => ({ environment, form })));
}

/** A record with a zero for every activity type, so the client never meets a missing key. */
export function zeroPerType(): Record<ActivityType, number> {
  return { activation: 0, instruction: 0, application: 0, feedback: 0, reflection: 0 };
}
