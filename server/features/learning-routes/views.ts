// What the learning-route endpoints answer: a route without its internals, with the level it allows and its progress.
import { routeProgress } from '../../domain/monitoring';
import type { Playbook } from '../../domain/playbook';
import type { Route } from '../../domain/route';
import { levelOf } from '../../domain/route-command';
import type { RouteHistoryEntry } from '../../domain/route-history';
import { canComposeRoute, canProposeActivities, canSelfAssess, canSetLearningGoals } from '../../domain/self-direction';
import type { CoachStudentList } from './use-cases/coach-student-list';
import type { OpenRoute } from './use-cases/open-route';
import type { FoundStudentRoute } from './use-cases/student-route';
import type { ClassListMember } from '../roster/index';

/** The history travels separately (GET …/history): it only grows, so it is stored and read on its own. */
export function routeView({ history: _history, ...route }: Route) {
  return route;
}

export function levelView(playbook: Playbook, route: Route) {
  const effective = levelOf(playbook, route);
  return {
    effective,
    playbook: playbook.selfDirectionLevel,
    override: route.levelOverride ?? null,
    may: {
      composeRoute: canComposeRoute(effective),
      setLearningGoals: canSetLearningGoals(effective),
      selfAssess: canSelfAssess(effective),
      proposeActivities: canProposeActivities(effective),
    },
  };
}

export function openRouteView({ playbook, route }: OpenRoute) {
  return {
    playbook: { id: playbook.id, title: playbook.title },
    route: routeView(route),
    level: levelView(playbook, route),
    progress: routeProgress(playbook, route),
  };
}

export function studentView(student: ClassListMember) {
  return { id: student.id, name: student.name, email: student.email, hasLaunched: student.hasLaunched, lastLaunchAt: student.lastLaunchAt };
}

export function historyView(history: RouteHistoryEntry[]) {
  return { history };
}

export function coachStudentsView({ playbook, scope, roster, students }: CoachStudentList) {
  return {
    playbook: { id: playbook.id, title: playbook.title, status: playbook.status },
    scope,
    roster,
    students: students.map(({ student, route }) => ({
      ...studentView(student),
      route: route
        ? { status: route.status, version: route.version, progress: routeProgress(playbook, route), level: levelView(playbook, route) }
        : null,
    })),
  };
}

/** A student who has not opened their route yet is shown with route null, so the coach sees who to nudge. */
export function studentRouteView({ playbook, student, route }: FoundStudentRoute) {
  const opened = route ? openRouteView({ playbook, route }) : { playbook: { id: playbook.id, title: playbook.title }, route: null };
  return { student: studentView(student), ...opened };
}
