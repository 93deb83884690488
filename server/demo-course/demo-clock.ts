// The demo course's own clock: a few students chose their route weeks ago and then went quiet, and the class signed up
// for a lecture before it took place. Those steps run through the learning routes' own use cases, in this process, on
// the learning routes' dependencies with their clock set back. Nothing here reaches a router or reads a request, so no
// header or query parameter can move the clock; the app's own dependencies keep real time.
import type { Connection } from 'mongoose';
import { createOutboxGradePublisher, type Grades } from '../features/grades/index';
import {
  approveStudentRoute,
  createLearningRouteDeps,
  markOwnProgress,
  openOwnRoute,
  playbookForSession,
  saveOwnRoute,
  signUpForSession,
  submitOwnRoute,
  type LearningRouteDeps,
} from '../features/learning-routes/index';
import type { Logger } from '../logger';
import type { Lti } from '../lti/index';
import type { LaunchSession } from '../lti/session-token';

const DAY = 24 * 60 * 60 * 1000;

/** The steps the demo seeds in the past; each takes the session token of a real launch and how many days ago it happened. */
export interface DemoClock {
  /** The student opens and composes their route (it is created then), and submits it. */
  composeAndSubmit(props: { token: string; daysAgo: number; activityIds: string[] }): Promise<void>;
  /** The teacher approves a student's submitted route; the LMS hears 'Started' as it does for any approval. */
  approve(props: { token: string; daysAgo: number; studentId: string }): Promise<void>;
  /** The student marks an activity of their route done. */
  markDone(props: { token: string; daysAgo: number; activityId: string }): Promise<void>;
  /** The student signs up for a session that still lay ahead then. */
  signUp(props: { token: string; daysAgo: number; activityId: string; sessionId: string }): Promise<void>;
}

export interface DemoClockSources {
  lti: Pick<Lti, 'records' | 'registry' | 'nrps' | 'sessions'>;
  connection: Connection;
  logger: Logger;
  /** The grade outbox: an approval sends activity progress to the LMS as the app's own approval does. */
  grades: Grades;
}

export function createDemoClock(sources: DemoClockSources): DemoClock {
  const { lti, connection, logger, grades } = sources;
  const base = createLearningRouteDeps({ lti, connection, logger, gradePublisher: createOutboxGradePublisher({ grades, records: lti.records, logger }) });
  // The clock keeps ticking from the moment set back, so the steps of one student stay in order.
  const at = (daysAgo: number): LearningRouteDeps => ({ ...base, now: () => new Date(Date.now() - daysAgo * DAY) });
  const session = async (token: string): Promise<LaunchSession> => {
    const verified = await lti.sessions.verify(token);
    if (!verified) throw new Error('demo course: a seeding session expired');
    return verified;
  };
  return {
    async composeAndSubmit({ token, daysAgo, activityIds }) {
      const deps = at(daysAgo);
      const who = await session(token);
      const { route } = await openOwnRoute(deps, { session: who });
      const saved = await saveOwnRoute(deps, { session: who, version: route.version, entries: activityIds.map((activityId) => ({ activityId })) });
      await submitOwnRoute(deps, { session: who, version: saved.route.version });
    },
    async approve({ token, daysAgo, studentId }) {
      const deps = at(daysAgo);
      const teacher = await session(token);
      const playbook = await playbookForSession(deps, { session: teacher, audience: 'staff' });
      const route = await deps.routes.getForStudent(playbook.id, studentId);
      if (!route) throw new Error(`demo course: ${studentId} has no route to approve`);
      await approveStudentRoute(deps, { session: teacher, studentId, version: route.version });
    },
    async markDone({ token, daysAgo, activityId }) {
      const deps = at(daysAgo);
      await markOwnProgress(deps, { session: await session(token), version: undefined, activityId, status: 'done' });
    },
    async signUp({ token, daysAgo, activityId, sessionId }) {
      await signUpForSession(at(daysAgo), { session: await session(token), activityId, sessionId });
    },
  };
}
