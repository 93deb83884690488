// Coverage across a whole class: each student's mix of activity types, and which activities are popular or never chosen.

import { zeroPerType, type ActivityType, type GridPosition } from './activity-grid';
import { coverageOf, type GridCoverage } from './coverage';
import type { Playbook } from './playbook';
import type { Route } from './route';
import { resolveRoute, roundHours } from './route-items';

export interface StudentMix {
  studentId: string;
  perType: Record<ActivityType, number>;
  studyLoadHours: number;
}

export interface ActivityPopularity extends GridPosition {
  activityId: string;
  title: string;
  /** Students whose route holds the activity (not skipped). */
  chosenBy: number;
  done: number;
}

export interface ClassCoverage {
  /** All routes' activities together on one grid. */
  grid: GridCoverage;
  students: StudentMix[];
  /** Every catalogue activity, most chosen first; never-chosen ones are included with zero. */
  popularity: ActivityPopularity[];
  neverChosen: string[];
}

/** Only what coverage looks at, so the class overview can read just these fields of every route. */
export type RouteMix = Pick<Route, 'studentId' | 'entries' | 'ownActivities'>;

export function classCoverage(playbook: Pick<Playbook, 'activities'>, routes: RouteMix[]): ClassCoverage {
  const perRoute = routes.map((route) => ({
    route,
    items: resolveRoute(playbook, route).items.filter((i) => i.status !== 'skipped'),
  }));
  const students = perRoute.map(({ route, items }) => {
    const perType = zeroPerType();
    for (const i of items) perType[i.type] += 1;
    return { studentId: route.studentId, perType, studyLoadHours: roundHours(items.reduce((s, i) => s + i.studyLoadHours, 0)) };
  });
  // One pass over every route's catalogue items, not one per activity: a class of a thousand stays quick.
  const tally = new Map<string, { chosenBy: number; done: number }>();
  for (const { items } of perRoute) {
    for (const i of items) {
      if (i.own) continue;
      const counted = tally.get(i.id) ?? { chosenBy: 0, done: 0 };
      counted.chosenBy += 1;
      if (i.status === 'done') counted.done += 1;
      tally.set(i.id, counted);
    }
  }
  const popularity = popularityOf(playbook.activities, tally);
  return {
    grid: coverageOf(perRoute.flatMap(({ items }) => items)),
    students,
    popularity,
    neverChosen: popularity.filter((p) => p.chosenBy === 0).map((p) => p.activityId),
  };
}

/** How many chose each of the playbook's activities and finished it, most chosen first. */
export function popularityOf(activities: Playbook['activities'], tally: ReadonlyMap<string, { chosenBy: number; done: number }>): ActivityPopularity[] {
  return activities
    .map((a) => ({
      activityId: a.id,
      title: a.title,
      environment: a.environment,
      form: a.form,
      type: a.type,
      chosenBy: tally.get(a.id)?.chosenBy ?? 0,
      done: tally.get(a.id)?.done ?? 0,
    }))
    .sort((a, b) => b.chosenBy - a.chosenBy);
}
