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
  // One pass over the items (a class overview passes every student's together): each item adds to its cell, type,
  // environment and form. Sums are rounded at the end, as a sum over each group in item order would be.
  const zero = () => ({ count: 0, sum: 0 });
  const cells = new Map(gridCells().map(({ environment, form }) => [`${environment}/${form}`, { environment, form, ...zero(), perType: zeroPerType() }]));
  const types = new Map(ACTIVITY_TYPES.map((type) => [type, zero()]));
  const environments = new Map(ENVIRONMENTS.map((environment) => [environment, zero()]));
  const forms = new Map(LEARNING_FORMS.map((form) => [form, zero()]));
  const all = zero();
  const add = (group: { count: number; sum: number } | undefined, hours: number) => {
    if (!group) return;
    group.count += 1;
    group.sum += hours;
  };
  for (const i of items) {
    const cell = cells.get(`${i.environment}/${i.form}`);
    add(cell, i.studyLoadHours);
    if (cell) cell.perType[i.type] += 1;
    add(types.get(i.type), i.studyLoadHours);
    add(environments.get(i.environment), i.studyLoadHours);
    add(forms.get(i.form), i.studyLoadHours);
    add(all, i.studyLoadHours);
  }
  const tally = ({ count, sum }: { count: number; sum: number }): Tally => ({ count, studyLoadHours: roundHours(sum) });
  return {
    ...tally(all),
    cells: [...cells.values()].map(({ environment, form, perType, ...group }) => ({ environment, form, ...tally(group), perType })),
    types: [...types].map(([type, group]) => ({ type, ...tally(group) })),
    environments: [...environments].map(([environment, group]) => ({ environment, ...tally(group) })),
    forms: [...forms].map(([form, group]) => ({ form, ...tally(group) })),
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
