// Every session of the playbook's synchronous activities with the seats left, and whether this student has one.
import type { LaunchSession } from '../../../lti/session-token';
import type { LearningRouteDeps } from '../deps';
import { playbookForSession } from './placement-playbook';
import { seatsOf, type Seats } from './session-signup';

export interface SessionOffer extends Seats {
  title: string;
  startsAt: Date;
  endsAt: Date | null;
  place: string;
  signedUp: boolean;
}

export async function listSessions(deps: LearningRouteDeps, { session }: { session: LaunchSession }): Promise<SessionOffer[]> {
  const playbook = await playbookForSession(deps, { session, audience: 'student' });
  const attendance = await deps.signups.listByPlaybook(playbook.id);
  const attendeesOf = (activityId: string, sessionId: string) =>
    attendance.find((a) => a.activityId === activityId && a.sessionId === sessionId)?.attendees ?? [];
  return playbook.activities.flatMap((activity) =>
    activity.schedule.kind !== 'synchronous'
      ? []
      : activity.schedule.sessions.map((slot) => {
          const attendees = attendeesOf(activity.id, slot.id);
          return {
            ...seatsOf(activity.id, slot.id, slot.capacity, attendees.length),
            title: activity.title,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt ?? null,
            place: slot.place,
            signedUp: attendees.includes(session.sub),
          };
        }),
  );
}
