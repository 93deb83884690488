// Who performs a route use case, in the domain's words, from the launch session.
import type { Actor } from '../../../domain/route';
import type { LaunchSession } from '../../../lti/session-token';

export function studentOf(session: LaunchSession): Actor {
  return { id: session.sub, role: 'student' };
}

/** Someone who is both teacher and coach acts as teacher, the wider of the two; an assistant acts as coach. */
export function staffOf(session: LaunchSession): Actor {
  return { id: session.sub, role: session.roles.includes('teacher') ? 'teacher' : 'coach' };
}
