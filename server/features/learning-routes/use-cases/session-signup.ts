// A student signs up for, or cancels, a session of a synchronous activity in their route; a session never gets more attendees than seats.
import type { ActivitySession } from '../../../domain/activity';
import type { Playbook } from '../../../domain/playbook';
import type { LaunchSession } from '../../../lti/session-token';
import type { CancelStatus, SignUpStatus } from '../data/session-signups';
import type { LearningRouteDeps } from '../deps';
import { activityNotInRoute, sessionFull, sessionPast, signedUpElsewhere, unknownSession } from '../errors';
import { openOwnRoute } from './open-route';
import { playbookForSession } from './placement-playbook';

export interface SessionSeatProps {
  session: LaunchSession;
  activityId: string;
  sessionId: string;
}

export interface Seats {
  activityId: string;
  sessionId: string;
  capacity: number;
  taken: number;
  seatsLeft: number;
}

export async function signUpForSession(deps: LearningRouteDeps, props: SessionSeatProps): Promise<Seats & { status: SignUpStatus }> {
  const { activityId, sessionId } = props;
  const { playbook, route } = await openOwnRoute(deps, props);
  const slot = sessionIn(playbook, activityId, sessionId);
  if (slot.startsAt.getTime() <= deps.now().getTime()) throw sessionPast(activityId, sessionId);
  if (!route.entries.some((e) => e.activityId === activityId && e.status !== 'skipped')) throw activityNotInRoute(activityId);
  // One session per activity; two tabs signing up for two sessions at once may both succeed, which the student can undo.
  const mine = await deps.signups.listForStudent(playbook.id, route.studentId);
  const other = mine.find((k) => k.activityId === activityId && k.sessionId !== sessionId);
  if (other) throw signedUpElsewhere(activityId, other.sessionId);
  const result = await deps.signups.signUp({ playbookId: playbook.id, activityId, sessionId }, route.studentId, slot.capacity);
  const seats = seatsOf(activityId, sessionId, slot.capacity, result.taken);
  if (result.status === 'full') throw sessionFull(seats);
  return { status: result.status, ...seats };
}

export async function cancelSessionSignUp(deps: LearningRouteDeps, props: SessionSeatProps): Promise<Seats & { status: CancelStatus }> {
  const { session, activityId, sessionId } = props;
  const playbook = await playbookForSession(deps, { session, audience: 'student' });
  const slot = sessionIn(playbook, activityId, sessionId);
  const key = { playbookId: playbook.id, activityId, sessionId };
  const status = await deps.signups.cancel(key, session.sub);
  const taken = (await deps.signups.attendees(key)).length;
  return { status, ...seatsOf(activityId, sessionId, slot.capacity, taken) };
}

export function sessionIn(playbook: Pick<Playbook, 'activities'>, activityId: string, sessionId: string): ActivitySession {
  const activity = playbook.activities.find((a) => a.id === activityId);
  const slot = activity?.schedule.kind === 'synchronous' ? activity.schedule.sessions.find((s) => s.id === sessionId) : undefined;
  if (!slot) throw unknownSession(activityId, sessionId);
  return slot;
}

export function seatsOf(activityId: string, sessionId: string, capacity: number, taken: number): Seats {
  return { activityId, sessionId, capacity, taken, seatsLeft: Math.max(0, capacity - taken) };
}
