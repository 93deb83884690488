// The rubric of a learning outcome: the same criteria and levels for every student, whatever route they took.

/** One level of a criterion, e.g. "sufficient", worth a number of points. */
export interface RubricLevel {
  id: string;
  label: string;
  description: string;
  points: number;
}

/** One assessment criterion with its levels, ordered from lowest to highest. */
export interface RubricCriterion {
  id: string;
  title: string;
  description?: string;
  /** Relative weight in the outcome result; 1 when all criteria count equally. */
  weight: number;
  levels: RubricLevel[];
  /** The lowest level that counts as a pass for this criterion (non-compensatory scoring). */
  passLevelId?: string;
}

export interface Rubric {
  criteria: RubricCriterion[];
}
