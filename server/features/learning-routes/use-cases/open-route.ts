// A student's own route in the placement's playbook, created from the recommended route the first time it is opened.
import type { Playbook } from '../../../domain/playbook';
import type { Route } from '../../../domain/route';
import { createRoute } from '../../../domain/route-compose';
import type { LaunchSession } from '../../../lti/session-token';
import { AlreadyExistsError } from '../../../store/store-errors';
import { studentOf } from './actors';
import type { LearningRouteDeps } from '../deps';
import { playbookForSession } from './placement-playbook';

export interface OpenRoute {
  playbook: Playbook;
  route: Route;
}

export interface OpenOwnRouteProps {
  session: LaunchSession;
  /** The version the student's client read, when it sent one: the route this process kept at it will do. */
  version?: number | undefined;
}

export async function openOwnRoute(deps: LearningRouteDeps, { session, version }: OpenOwnRouteProps): Promise<OpenRoute> {
  const playbook = await playbookForSession(deps, { session, audience: 'student' });
  const student = studentOf(session);
  const existing = await deps.routes.getForStudent(playbook.id, student.id, { version });
  if (existing) return { playbook, route: existing };
  const route = createRoute({ playbook, student, routeId: deps.newId(), now: deps.now() });
  try {
    return { playbook, route: await deps.routes.create(route) };
  } catch (error) {
    // Two tabs opened the route at the same moment: the unique index let one create it, the other reads that one.
    if (!(error instanceof AlreadyExistsError)) throw error;
    const created = await deps.routes.getForStudent(playbook.id, student.id);
    if (!created) throw error;
    return { playbook, route: created };
  }
}
