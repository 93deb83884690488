// The teacher's (and coach's) overview of a placement: every student on the roster, how far they are, who stalled, and how the class fills the 3-3-5 grid.
import type { ActivityPopularity, StudentMix } from '../../../domain/class-coverage';
import { monitorClass, type RouteGlance } from '../../../domain/class-monitoring';
import type { GridCoverage } from '../../../domain/coverage';
import type { Playbook } from '../../../domain/playbook';
import type { Route } from '../../../domain/route';
import type { RouteProgress } from '../../../domain/monitoring';
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
  // The playbook first (a link without one has no overview, and nothing else is read or synced for it); then the
  // class list and the routes side by side.
  const playbook = await playbookForSession(deps, { session, audience: 'staff' });
  const [{ scope, roster, students }, allRoutes] = await Promise.all([studentsInScope(deps, { session }), deps.routes.listSummariesByPlaybook(playbook.id)]);
  const inScope = new Set(students.map((s) => s.id));
  // Routes of students who left the course (or are another coach's) stay out of every count; of each route only
  // what the overview shows is read (no history, no goals or plan), and rows find theirs by id, not by search.
  const routes = allRoutes.filter((r) => inScope.has(r.studentId));
  const monitored = monitorClass(playbook, routes, { now: deps.now(), days: stalledDays });
  const statusOf = new Map(routes.map((r) => [r.studentId, r.status]));
  const rows = students.map((student) => studentRow(student, statusOf.get(student.id), monitored.routes.get(student.id)));
  return {
    playbook: { id: playbook.id, title: playbook.title, status: playbook.status },
    scope,
    roster,
    stalledDays,
    students: rows,
    stalled: rows.filter((r) => r.stalled).map((r) => r.id),
    neverStarted: rows.filter((r) => r.neverStarted).map((r) => r.id),
    grid: monitored.grid,
    popularity: monitored.popularity,
    neverChosen: monitored.neverChosen,
  };
}

function studentRow(student: ClassListMember, routeStatus: Route['status'] | undefined, glance: RouteGlance | undefined): StudentOverview {
  // Written out field by field (no spreads): a thousand rows per overview.
  const { id, name, hasLaunched } = student;
  if (!routeStatus || !glance) {
    return { id, name, hasLaunched, routeStatus: null, progress: null, perType: null, lastProgressAt: null, stalled: false, neverStarted: true };
  }
  return {
    id,
    name,
    hasLaunched,
    routeStatus,
    progress: glance.progress,
    perType: glance.perType,
    lastProgressAt: glance.lastProgressAt ?? null,
    stalled: glance.stalled,
    neverStarted: glance.neverStarted,
  };
}
