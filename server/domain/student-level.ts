// Use case for a coach setting a student's own self-direction level, overriding the playbook's.

import type { Playbook } from './playbook';
import type { Route } from './route';
import { assertStaff, assertVersion, commit, type RouteCommandProps } from './route-command';
import type { SelfDirectionLevel } from './self-direction';

export interface SetStudentLevelProps extends RouteCommandProps {
  playbook: Playbook;
  /** null removes the override, so the playbook's level applies again. */
  level: SelfDirectionLevel | null;
}

/**
 * The override lives on the student's route (one per student per playbook). Lowering it leaves
 * what the student already chose in place; it only limits what they may change from now on.
 */
export function setStudentLevel({ route, actor, level, now, expectedVersion }: SetStudentLevelProps): Route {
  assertVersion(route, expectedVersion);
  assertStaff(actor, 'set_student_level');
  const from = route.levelOverride ?? null;
  if (from === level) return route;
  const { levelOverride: _old, ...rest } = route;
  const base: Route = level === null ? rest : { ...rest, levelOverride: level };
  return commit(base, { actor, now }, {}, [{ kind: 'level_set', from, to: level }]);
}
