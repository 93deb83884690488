// Use cases for a level-4 student's own activities: proposing one, and the coach approving or rejecting it.

import { DomainError, LevelForbidsError } from './errors';
import type { Playbook } from './playbook';
import type { OwnActivity, Route } from './route';
import { assertOwner, assertStaff, assertVersion, commit, levelOf, type RouteCommandProps } from './route-command';
import { reopenForChange } from './route-status';
import { canProposeActivities } from './self-direction';

export type ProposedActivity = Omit<OwnActivity, 'id' | 'status' | 'reviewComment'>;

export interface ProposeActivityProps extends RouteCommandProps {
  playbook: Playbook;
  ownActivityId: string;
  activity: ProposedActivity;
}

/** A proposal joins the end of the route at once: the student proposes it because they mean to do it. */
export function proposeActivity(props: ProposeActivityProps): Route {
  const { playbook, route, actor, ownActivityId, activity, now, expectedVersion } = props;
  assertVersion(route, expectedVersion);
  assertOwner(route, actor, 'propose_activity');
  const level = levelOf(playbook, route);
  if (!canProposeActivities(level)) throw new LevelForbidsError('propose_activity', level);
  const reopened = reopenForChange(route.status);
  const own: OwnActivity = { ...activity, id: ownActivityId, status: 'proposed' };
  return commit(
    route,
    { actor, now },
    {
      status: reopened.status,
      ownActivities: [...route.ownActivities, own],
      entries: [...route.entries, { activityId: ownActivityId, status: 'planned' }],
    },
    [...reopened.changes, { kind: 'activity_proposed', ownActivityId, title: activity.title }],
  );
}

export interface ReviewProposalProps extends RouteCommandProps {
  ownActivityId: string;
  decision: 'approved' | 'rejected';
  comment?: string;
}

/** Deciding on a proposal does not change the route's own status: the coach may do it while reviewing it. */
export function reviewProposal({ route, actor, ownActivityId, decision, comment, now, expectedVersion }: ReviewProposalProps): Route {
  assertVersion(route, expectedVersion);
  assertStaff(actor, 'review_proposal');
  const own = route.ownActivities.find((a) => a.id === ownActivityId);
  if (!own) throw new DomainError('not_found', 'no such proposed activity', { ownActivityId });
  if (own.status !== 'proposed') throw new DomainError('invalid_transition', 'already decided', { from: own.status, to: decision });
  const text = comment?.trim();
  const decided: OwnActivity = text ? { ...own, status: decision, reviewComment: text } : { ...own, status: decision };
  return commit(
    route,
    { actor, now },
    { ownActivities: route.ownActivities.map((a) => (a.id === ownActivityId ? decided : a)) },
    [{ kind: 'proposal_reviewed', ownActivityId, decision, ...(text ? { comment: text } : {}) }],
  );
}
