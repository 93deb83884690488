import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { addLearningGoal, removeLearningGoal } from './route-goals';
import { proposeActivity, reviewProposal, type ProposedActivity } from './route-proposals';
import { canComposeRoute, canProposeActivities, canSelfAssess, canSetLearningGoals, effectiveLevel } from './self-direction';
import { setStudentLevel } from './student-level';
import { buildPlaybook, buildRoute, coach, daysAfter, student, T0 } from './test-factories';

const now = daysAfter(T0, 3);
const visit: ProposedActivity = {
  title: 'Visit a trade fair',
  description: 'Talk to three project managers',
  environment: 'workplace',
  form: 'expert',
  type: 'activation',
  studyLoadHours: 4,
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
  return undefined;
}

describe('what each self-direction level allows', () => {
  it('grows step by step from following to proposing', () => {
    const table = ([1, 2, 3, 4] as const).map((l) => [canComposeRoute(l), canSetLearningGoals(l), canSelfAssess(l), canProposeActivities(l)]);
    expect(table).toEqual([
      [false, false, false, false],
      [true, false, false, false],
      [true, true, true, false],
      [true, true, true, true],
    ]);
  });

  it("a coach's level for one student wins over the playbook's", () => {
    expect(effectiveLevel(2, undefined)).toBe(2);
    expect(effectiveLevel(2, 4)).toBe(4);
  });
});

describe('personal learning goals', () => {
  it('when a level-2 student adds a learning goal, it is refused', () => {
    const run = () => addLearningGoal({ playbook: buildPlaybook(), route: buildRoute(), actor: student, goalId: 'g1', text: 'Lead a meeting', now });
    expect(codeOf(run)).toBe('level_forbids');
  });

  it('a level-3 student adds and removes goals, and changing an approved plan reopens it', () => {
    const playbook = buildPlaybook({ selfDirectionLevel: 3 });
    const added = addLearningGoal({ playbook, route: buildRoute({ status: 'approved' }), actor: student, goalId: 'g1', text: 'Lead a meeting', now });
    expect(added.learningGoals).toEqual([{ id: 'g1', text: 'Lead a meeting' }]);
    expect(added.status).toBe('draft');
    const removed = removeLearningGoal({ playbook, route: added, actor: student, goalId: 'g1', now });
    expect(removed.learningGoals).toEqual([]);
    expect(removed.history.map((h) => h.change.kind)).toEqual(['status_changed', 'goal_added', 'goal_removed']);
    expect(codeOf(() => removeLearningGoal({ playbook, route: removed, actor: student, goalId: 'g1', now }))).toBe('not_found');
  });
});

describe('own activities', () => {
  it('when a level-3 student proposes an own activity, it is refused', () => {
    const run = () => proposeActivity({ playbook: buildPlaybook({ selfDirectionLevel: 3 }), route: buildRoute(), actor: student, ownActivityId: 'o1', activity: visit, now });
    expect(codeOf(run)).toBe('level_forbids');
  });

  it('a level-4 student proposes one; it joins the route and waits for the coach', () => {
    const proposed = proposeActivity({ playbook: buildPlaybook({ selfDirectionLevel: 4 }), route: buildRoute(), actor: student, ownActivityId: 'o1', activity: visit, now });
    expect(proposed.ownActivities).toEqual([{ ...visit, id: 'o1', status: 'proposed' }]);
    expect(proposed.entries.at(-1)).toEqual({ activityId: 'o1', status: 'planned' });
    expect(proposed.history.at(-1)?.change).toEqual({ kind: 'activity_proposed', ownActivityId: 'o1', title: visit.title });
  });

  it('the coach approves or rejects a proposal once, with an optional comment', () => {
    const route = buildRoute({ ownActivities: [{ ...visit, id: 'o1', status: 'proposed' }] });
    const rejected = reviewProposal({ route, actor: coach, ownActivityId: 'o1', decision: 'rejected', comment: 'Too far from the outcome', now });
    expect(rejected.ownActivities[0]).toMatchObject({ status: 'rejected', reviewComment: 'Too far from the outcome' });
    expect(codeOf(() => reviewProposal({ route: rejected, actor: coach, ownActivityId: 'o1', decision: 'approved', now }))).toBe('invalid_transition');
    expect(codeOf(() => reviewProposal({ route, actor: student, ownActivityId: 'o1', decision: 'approved', now }))).toBe('not_authorised');
  });
});

describe('a coach setting a student level', () => {
  it('records the change and lets the override be removed again', () => {
    const raised = setStudentLevel({ playbook: buildPlaybook(), route: buildRoute(), actor: coach, level: 4, now });
    expect(raised.levelOverride).toBe(4);
    expect(raised.history.at(-1)?.change).toEqual({ kind: 'level_set', from: null, to: 4 });
    const cleared = setStudentLevel({ playbook: buildPlaybook(), route: raised, actor: coach, level: null, now });
    expect('levelOverride' in cleared).toBe(false);
    expect(cleared.version).toBe(3);
  });

  it('a student cannot set their own level', () => {
    expect(codeOf(() => setStudentLevel({ playbook: buildPlaybook(), route: buildRoute(), actor: student, level: 4, now }))).toBe('not_authorised');
  });
});
