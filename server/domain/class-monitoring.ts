// A whole class monitored in one pass over its routes: each route's progress, mix of types and stall, and the class
// on the 3-3-5 grid. The figures are exactly those routeProgress, classCoverage, lastProgressAt, isStalled and
// neverStarted give one route and one function at a time; those resolve every route twice and build an item object
// per entry, which for a class of a thousand was most of the overview's time and garbage. Here each entry is looked
// up once and the catalogue's (or the student's own) activity itself is what the grid counts.

import { zeroPerType, type ActivityType, type GridPosition } from './activity-grid';
import { popularityOf, type ActivityPopularity } from './class-coverage';
import { coverageOf, type GridCoverage } from './coverage';
import type { RouteProgress } from './monitoring';
import type { Playbook } from './playbook';
import type { OwnActivity, Route } from './route';
import { roundHours } from './route-items';

/** What monitoring reads of a route: its owner, entries, own activities and creation date. */
export type MonitoredRoute = Pick<Route, 'studentId' | 'entries' | 'ownActivities' | 'createdAt'>;

export interface RouteGlance {
  progress: RouteProgress;
  perType: Record<ActivityType, number>;
  lastProgressAt: Date | undefined;
  stalled: boolean;
  neverStarted: boolean;
}

export interface ClassMonitoring {
  /** Per student id (a student has one route per playbook). */
  routes: Map<string, RouteGlance>;
  grid: GridCoverage;
  popularity: ActivityPopularity[];
  neverChosen: string[];
}

type Counted = GridPosition & { studyLoadHours: number };

const DAY_MS = 24 * 60 * 60 * 1000;

export function monitorClass(
  playbook: Pick<Playbook, 'activities'>,
  routes: readonly MonitoredRoute[],
  stall: { now: Date; days: number },
): ClassMonitoring {
  const catalogue = new Map(playbook.activities.map((a) => [a.id, a]));
  const tally = new Map<string, { chosenBy: number; done: number }>();
  const onGrid: Counted[] = [];
  const glances = new Map<string, RouteGlance>();
  const stallMs = stall.days * DAY_MS;
  for (const route of routes) {
    const own = route.ownActivities.length === 0 ? undefined : new Map<string, OwnActivity>(route.ownActivities.map((a) => [a.id, a]));
    const perType = zeroPerType();
    let items = 0;
    let active = 0;
    let done = 0;
    let inProgress = 0;
    let doneHours = 0;
    let activeHours = 0;
    // Over every entry, also unknown ones: as lastProgressAt, neverStarted and isFinished look at the entries.
    let lastChange = -Infinity;
    let allPlanned = true;
    let unfinished = 0;
    let notSkipped = 0;
    for (const entry of route.entries) {
      const changedAt = entry.statusChangedAt?.getTime();
      if (changedAt !== undefined && changedAt > lastChange) lastChange = changedAt;
      if (entry.status !== 'planned') allPlanned = false;
      if (entry.status !== 'skipped') {
        notSkipped += 1;
        if (entry.status !== 'done') unfinished += 1;
      }
      const status = entry.status ?? 'planned';
      const activity = catalogue.get(entry.activityId);
      const proposal = activity ? undefined : own?.get(entry.activityId);
      // As resolveRoute: a catalogue activity first, then an own activity that was not rejected; anything else counts nowhere.
      const counted: Counted | undefined = activity ?? (proposal && proposal.status !== 'rejected' ? proposal : undefined);
      if (!counted) continue;
      items += 1;
      if (status === 'skipped') continue;
      active += 1;
      activeHours += counted.studyLoadHours;
      perType[counted.type] += 1;
      onGrid.push(counted);
      if (status === 'done') {
        done += 1;
        doneHours += counted.studyLoadHours;
      } else if (status === 'in_progress') {
        inProgress += 1;
      }
      if (activity) {
        const chosen = tally.get(activity.id) ?? { chosenBy: 0, done: 0 };
        chosen.chosenBy += 1;
        if (status === 'done') chosen.done += 1;
        tally.set(activity.id, chosen);
      }
    }
    const lastProgressAt = lastChange === -Infinity ? undefined : new Date(lastChange);
    const finished = notSkipped > 0 && unfinished === 0;
    const since = lastProgressAt ?? route.createdAt;
    glances.set(route.studentId, {
      progress: {
        done,
        total: active,
        inProgress,
        skipped: items - active,
        studyLoadDoneHours: roundHours(doneHours),
        studyLoadTotalHours: roundHours(activeHours),
        fraction: active === 0 ? 0 : done / active,
      },
      perType,
      lastProgressAt,
      stalled: !finished && stall.now.getTime() - since.getTime() >= stallMs,
      neverStarted: allPlanned,
    });
  }
  const popularity = popularityOf(playbook.activities, tally);
  return {
    routes: glances,
    grid: coverageOf(onGrid),
    popularity,
    neverChosen: popularity.filter((p) => p.chosenBy === 0).map((p) => p.activityId),
  };
}
