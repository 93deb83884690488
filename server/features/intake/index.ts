// The intake feature: a teacher adds a diagnostic intake to a playbook, students place themselves and submit, staff read
// it. Peers and project groups read the class's standings through `standings` below.
import type { Router } from 'express';
import type { Connection } from 'mongoose';
import type { EvidenceDeps } from '../evidence/index';
import type { LearningRouteDeps } from '../learning-routes/index';
import { createIntakeDeps, type IntakeDeps } from './deps';
import { intakeRoutes } from './routes';
import { classStandings, type ClassStandings } from './use-cases/class-standings';
import type { LaunchSession } from '../../lti/session-token';

export type { ClassStandings, IntakeState, StudentStanding } from './use-cases/class-standings';

export interface IntakeStandings {
  /** Every active student's standing per point in the session's playbook (submitted intakes and grades). */
  classStandings(props: { session: LaunchSession; audience: 'student' | 'staff' }): Promise<ClassStandings>;
}

export interface IntakeFeature {
  router: Router;
  standings: IntakeStandings;
  deps: IntakeDeps;
}

export function createIntakeFeature(props: { connection: Connection; learningRoutes: LearningRouteDeps; evidence: Pick<EvidenceDeps, 'attempts'> }): IntakeFeature {
  const deps = createIntakeDeps(props);
  return { deps, router: intakeRoutes(deps), standings: { classStandings: (p) => classStandings(deps, p) } };
}
