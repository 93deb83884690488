// Use cases for a level-3+ student's personal learning goals, part of the study plan the coach approves.

import { DomainError, LevelForbidsError } from './errors';
import type { Playbook } from './playbook';
import type { Route } from './route';
import { assertOwner, assertVersion, commit, levelOf, type RouteCommandProps } from './route-command';
import { reopenForChange } from './route-status';
import { canSetLearningGoals } from './self-direction';

export interface AddGoalProps extends RouteCommandProps {
  playbook: Playbook;
  goalId: string;
  text: string;
}

export function addLearningGoal({ playbook, route, actor, goalId, text, now, expectedVersion }: AddGoalProps): Route {
  assertGoalChange(playbook, route, actor, expectedVersion);
  const reopened = reopenForChange(route.status);
  return commit(
    route,
    { actor, now },
    { status: reopened.status, learningGoals: [...route.learningGoals, { id: goalId, text }] },
    [...reopened.changes, { kind: 'goal_added', goalId, text }],
  );
}

export interface RemoveGoalProps extends RouteCommandProps {
  playbook: Playbook;
  goalId: string;
}

export function removeLearningGoal({ playbook, route, actor, goalId, now, expectedVersion }: RemoveGoalProps): Route {
  assertGoalChange(playbook, route, actor, expectedVersion);
  if (!route.learningGoals.some((g) => g.id === goalId)) {
    throw new DomainError('not_found', 'no such learning goal', { goalId });
  }
  const reopened = reopenForChange(route.status);
  return commit(
    route,
    { actor, now },
    { status: reopened.status, learningGoals: route.learningGoals.filter((g) => g.id !== goalId) },
    [...reopened.changes, { kind: 'goal_removed', goalId }],
  );
}

function assertGoalChange(playbook: Playbook, route: Route, actor: RouteCommandProps['actor'], expectedVersion?: number): void {
  assertVersion(route, expectedVersion);
  assertOwner(route, actor, 'set_learning_goals');
  const level = levelOf(playbook, route);
  if (!canSetLearningGoals(level)) throw new LevelForbidsError('set_learning_goals', level);
}
