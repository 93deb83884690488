// What the learning-route use cases work with: the stores, the course records, the class list and the clock.
import type { Connection } from 'mongoose';
import { noGradePublisher, type GradePublisher } from '../assessment/grade-publisher';
import type { Logger } from '../logger';
import type { Lti } from '../lti/index';
import { createRoster, type ClassList, type ClassListProps } from '../roster/index';
import type { CourseRecords } from '../store/lti/course-records';
import { newId } from '../store/repositories/ids';
import { createPlaybookRepository, type PlaybookRepository } from '../store/repositories/playbook-repository';
import { createRouteRepository, type RouteRepository } from '../store/repositories/route-repository';
import { createSessionSignups, type SessionSignups } from '../store/repositories/session-signups';
import { createCoachAssignments, type CoachAssignments } from './store/coach-assignments';

export interface LearningRouteDeps {
  routes: RouteRepository;
  playbooks: PlaybookRepository;
  records: CourseRecords;
  signups: SessionSignups;
  /** Who coaches whom in a course, as teachers assigned it. */
  assignments: CoachAssignments;
  /** The class list of the session's course (NRPS, refreshed when stale), so students who never launched count too. */
  classList: (props: ClassListProps) => Promise<ClassList>;
  /** Every history entry and stall is measured against this clock, so tests and demos can move it. */
  now: () => Date;
  newId: () => string;
  /** Route progress for the LMS gradebook (an approved route is 'Started'). */
  publisher: GradePublisher;
}

export interface LearningRouteSources {
  lti: Pick<Lti, 'records' | 'registry' | 'nrps'>;
  connection: Connection;
  logger: Logger;
  gradePublisher?: GradePublisher;
  now?: () => Date;
}

export function createLearningRouteDeps(sources: LearningRouteSources): LearningRouteDeps {
  const now = sources.now ?? (() => new Date());
  const { records, registry, nrps } = sources.lti;
  const roster = createRoster({ records, registry, nrps, logger: sources.logger, now });
  return {
    routes: createRouteRepository(sources.connection),
    playbooks: createPlaybookRepository(sources.connection, { now }),
    records,
    signups: createSessionSignups(sources.connection),
    assignments: createCoachAssignments(sources.connection),
    classList: (props) => roster.classList(props),
    now,
    newId,
    publisher: sources.gradePublisher ?? noGradePublisher,
  };
}
