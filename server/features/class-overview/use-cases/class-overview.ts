// The teacher's (and coach's) overview of a placement: every student on the roster, how far they are, who stalled, and how the class fills the 3-3-5 grid.
import { classCoverage, type ActivityPopularity, type StudentMix } from '../../../domain/class-coverage';
import type { GridCoverage } from '../../../domain/coverage';
import type { Playbook } from '../../../domain/playbook';
import type { Route } from '../../../domain/route';
import type { RouteSummary } from '../../learning-routes/index';
import { isStalled, lastProgressAt, neverStarted, routeProgress, type RouteProgress } from '../../../domain/monitoring';
import { studentsInScope, type StudentsInScope } from '../../learning-routes/index';
import type { LearningRouteDeps } from '../../learning-routes/index';
import { playbookForSession } from '../../learning-routes/index';
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassListMember } from '../../roster/index';

export interface ClassOverviewProps {
  session: LaunchSession;
  /** A route with no status change for this many days counts as stalled. */
  stalledDays: number;
}

export interface StudentOverview {
  id: string;
  name: string | null;
  hasLaunched: boolean;
  /** null: the student has no route yet (never launched, or launched but never opened it). */
  routeStatus: Route['status'] | null;
  progress: RouteProgress | null;
  perType: StudentMix['perType'] | null;
  lastProgressAt: Date | null;
  stalled: boolean;
  neverStarted: boolean;
}

export interface ClassOverview {
  playbook: Pick<Playbook, 'id' | 'title' | 'status'>;
  scope: StudentsInScope['scope'];
  roster: StudentsInScope['roster'];
  stalledDays: number;
  students: StudentOverview[];
  /** Ids for the "step in" lists. */
  stalled: string[];
  neverStarted: string[];
  /** All routes together on the grid: the heatmap. */
  grid: GridCoverage;
  popularity: ActivityPopularity[];
  neverChosen: string[];
}

export async function classOverview(deps: LearningRouteDeps, { session, stalledDays }: ClassOverviewProps): Promise<ClassOverview> {
  const playbook = await playbookForSession(deps, { session, audience: 'staff' });
  const { scope, roster, students } = await studentsInScope(deps, { session });
  const inScope = new Set(students.map((s) => s.id));
  // Routes of students who left the course (or are another coach's) stay out of every count; of each route only
  // what the overview shows is read (no history, no goals or plan), and rows find theirs by id, not by search.
  const routes = (await deps.routes.listSummariesByPlaybook(playbook.id)).filter((r) => inScope.has(r.studentId));
  const coverage = classCoverage(playbook, routes);
  const now = deps.now();
  const routeOf = new Map(routes.map((r) => [r.studentId, r]));
  const mixOf = new Map(coverage.students.map((m) => [m.studentId, m]));
  const rows = students.map((student) => studentRow(playbook, student, routeOf.get(student.id), mixOf.get(student.id), { now, days: stalledDays }));
  return {
    playbook: { id: playbook.id, title: playbook.title, status: playbook.status },
    scope,
    roster,
    stalledDays,
    students: rows,
    stalled: rows.filter((r) => r.stalled).map((r) => r.id),
    neverStarted: rows.filter((r) => r.neverStarted).map((r) => r.id),
    grid: coverage.grid,
    popularity: coverage.popularity,
    neverChosen: coverage.neverChosen,
  };
}

function studentRow(
  playbook: Playbook,
  student: ClassListMember,
  route: RouteSummary | undefined,
  mix: StudentMix | undefined,
  stall: { now: Date; days: number },
): StudentOverview {
  const base = { id: student.id, name: student.name, hasLaunched: student.hasLaunched };
  if (!route) {
    return { ...base, routeStatus: null, progress: null, perType: null, lastProgressAt: null, stalled: false, neverStarted: true };
  }
  return {
    ...base,
    routeStatus: route.status,
    progress: routeProgress(playbook, route),
    perType: mix?.perType ?? null,
    lastProgressAt: lastProgressAt(route) ?? null,
    stalled: isStalled(route, stall),
    neverStarted: neverStarted(route),
  };
}
