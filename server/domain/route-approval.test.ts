import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { approveRoute, returnRoute, submitRoute, withdrawRoute } from './route-approval';
import { canTransition } from './route-status';
import { buildPlaybook, buildRoute, coach, daysAfter, student, T0 } from './test-factories';

const playbook = buildPlaybook();
const now = daysAfter(T0, 2);

function errorOf(run: () => unknown): DomainError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe('the approval of a route', () => {
  it('when a student submits a sound route, it waits for the coach', () => {
    const submitted = submitRoute({ playbook, route: buildRoute(), actor: student, now });
    expect(submitted.status).toBe('submitted');
    expect(submitted.history.at(-1)?.change).toEqual({ kind: 'status_changed', from: 'draft', to: 'submitted' });
  });

  it('when a route breaks the rules, submitting is refused with every violation', () => {
    const route = buildRoute({ entries: [{ activityId: 'clip', status: 'planned' }] });
    const error = errorOf(() => submitRoute({ playbook, route, actor: student, now }));
    expect(error?.code).toBe('route_rules_violated');
    expect((error?.params.violations as unknown[]).length).toBeGreaterThan(3);
  });

  it('when the coach approves, the approved composition is remembered', () => {
    const approved = approveRoute({ playbook, route: buildRoute({ status: 'submitted' }), actor: coach, now });
    expect(approved.status).toBe('approved');
    expect(approved.lastReview).toEqual({ decision: 'approved', by: coach.id, at: now });
    expect(approved.approvedActivityIds).toEqual(playbook.recommendedRoute);
  });

  it('a student cannot approve their own route', () => {
    expect(errorOf(() => approveRoute({ playbook, route: buildRoute({ status: 'submitted' }), actor: student, now }))?.code).toBe('not_authorised');
  });

  it('a draft cannot be approved before it is submitted', () => {
    expect(errorOf(() => approveRoute({ playbook, route: buildRoute(), actor: coach, now }))?.code).toBe('invalid_transition');
  });

  it('when an own activity in the route is still only proposed, the coach decides on it first', () => {
    const route = buildRoute({
      status: 'submitted',
      ownActivities: [{ id: 'own', title: 'Visit', description: '', environment: 'workplace', form: 'expert', type: 'instruction', studyLoadHours: 2, status: 'proposed' }],
      entries: [...buildRoute().entries, { activityId: 'own', status: 'planned' }],
    });
    expect(errorOf(() => approveRoute({ playbook, route, actor: coach, now }))?.code).toBe('proposals_pending');
  });

  it('when the coach returns a route, the comment goes with it, and a return needs a comment', () => {
    const returned = returnRoute({ route: buildRoute({ status: 'submitted' }), actor: coach, comment: ' Add a workplace visit ', now });
    expect(returned.status).toBe('returned');
    expect(returned.lastReview?.comment).toBe('Add a workplace visit');
    expect(returned.history.at(-1)?.change).toEqual({ kind: 'status_changed', from: 'submitted', to: 'returned', comment: 'Add a workplace visit' });
    expect(errorOf(() => returnRoute({ route: buildRoute({ status: 'submitted' }), actor: coach, comment: '  ', now }))?.code).toBe('comment_required');
  });

  it('a returned route can be submitted again, and a submitted one withdrawn', () => {
    expect(submitRoute({ playbook, route: buildRoute({ status: 'returned' }), actor: student, now }).status).toBe('submitted');
    expect(withdrawRoute({ route: buildRoute({ status: 'submitted' }), actor: student, now }).status).toBe('draft');
    expect(errorOf(() => withdrawRoute({ route: buildRoute({ status: 'approved' }), actor: student, now }))?.code).toBe('invalid_transition');
  });

  it('the state machine allows exactly these moves', () => {
    const moves = (['draft', 'submitted', 'approved', 'returned'] as const).flatMap((from) =>
      (['draft', 'submitted', 'approved', 'returned'] as const).filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`),
    );
    expect(moves).toEqual(['draft>submitted', 'submitted>draft', 'submitted>approved', 'submitted>returned', 'approved>draft', 'returned>draft', 'returned>submitted']);
  });

  it('every step adds one version and one history entry, so the whole story can be read back', () => {
    const submitted = submitRoute({ playbook, route: buildRoute(), actor: student, now });
    const returned = returnRoute({ route: submitted, actor: coach, comment: 'More reflection', now });
    const again = submitRoute({ playbook, route: returned, actor: student, now });
    const approved = approveRoute({ playbook, route: again, actor: coach, now });
    expect(approved.version).toBe(5);
    expect(approved.history.map((h) => `${h.version}:${h.actorId}`)).toEqual(['2:stu-1', '3:coach-1', '4:stu-1', '5:coach-1']);
  });
});
