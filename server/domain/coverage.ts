// 3-3-5 coverage of a route or catalogue: counts and study load per grid cell and per type, ready to draw.

import {
  ACTIVITY_TYPES,
  ENVIRONMENTS,
  LEARNING_FORMS,
  gridCells,
  zeroPerType,
  type ActivityType,
  type Environment,
  type GridPosition,
  type LearningForm,
} from './activity-grid';
import type { Playbook } from './playbook';
import type { Route } from './route';
import { resolveRoute, roundHours } from './route-items';

export type CoverageItem = GridPosition & { studyLoadHours: number };

interface Tally {
  count: number;
  studyLoadHours: number;
}

export interface CellCoverage extends Tally {
  environment: Environment;
  form: LearningForm;
  /** Per activity type within the cell, for drilling down from the heatmap. */
  perType: Record<ActivityType, number>;
}

export interface GridCoverage extends Tally {
  /** All nine environment × form cells, also the empty ones: an empty cell is what the heatmap must show. */
  cells: CellCoverage[];
  types: (Tally & { type: ActivityType })[];
  environments: (Tally & { environment: Environment })[];
  forms: (Tally & { form: LearningForm })[];
}

export function coverageOf(items: CoverageItem[]): GridCoverage {
  const tally = (pick: CoverageItem[]): Tally => ({
    count: pick.length,
    studyLoadHours: roundHours(pick.reduce((sum, i) => sum + i.studyLoadHours, 0)),
  });
  const cells = gridCells().map(({ environment, form }) => {
    const inCell = items.filter((i) => i.environment === environment && i.form === form);
    const perType = zeroPerType();
    for (const i of inCell) perType[i.type] += 1;
    return { environment, form, ...tally(inCell), perType };
  });
  return {
    ...tally(items),
    cells,
    types: ACTIVITY_TYPES.map((type) => ({ type, ...tally(items.filter((i) => i.type === type)) })),
    environments: ENVIRONMENTS.map((environment) => ({ environment, ...tally(items.filter((i) => i.environment === environment)) })),
    forms: LEARNING_FORMS.map((form) => ({ form, ...tally(items.filter((i) => i.form === form)) })),
  };
}

/** Skipped activities are left out, as in the rules: the balance is of what the student will do. */
export function routeCoverage(playbook: Pick<Playbook, 'activities'>, route: Pick<Route, 'entries' | 'ownActivities'>): GridCoverage {
  return coverageOf(resolveRoute(playbook, route).items.filter((i) => i.status !== 'skipped'));
}

/** How the catalogue itself fills the grid: what the designer sees while building the playbook. */
export function playbookCoverage(playbook: Pick<Playbook, 'activities'>): GridCoverage {
  return coverageOf(playbook.activities);
}
