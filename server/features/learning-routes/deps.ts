// What the learning-route use cases work with: the stores, the course records, the class list and the clock.
import type { Connection } from 'mongoose';
import { noGradePublisher, type GradePublisher } from '../assessment/index';
import type { Logger } from '../../logger';
import type { Lti } from '../../lti/index';
import { createRoster, type ClassList, type ClassListProps, type Roster } from '../roster/index';
import type { CourseRecords } from '../../lti/store/course-records';
import { newId } from '../../store/ids';
import { createPlaybookRepository, type PlaybookRepository } from '../playbooks/index';
import { createRouteRepository, type RouteRepository } from './data/route-repository';
import { createSessionSignups, type SessionSignups } from './data/session-signups';
import { createSessionAttendance, type SessionAttendanceStore } from './data/session-attendance';
import { createCoachAssignments, type CoachAssignments } from './data/coach-assignments';

export interface LearningRouteDeps {
  routes: RouteRepository;
  playbooks: PlaybookRepository;
  records: CourseRecords;
  signups: SessionSignups;
  /** Who attended the sessions, as teachers and coaches marked it. */
  attendance: SessionAttendanceStore;
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
  /** The course's class list; built from the LTI side when not given. */
  roster?: Roster;
  /** The app's playbook store; one of its own (on this clock) when not given. */
  playbooks?: PlaybookRepository;
}

export function createLearningRouteDeps(sources: LearningRouteSources): LearningRouteDeps {
  const now = sources.now ?? (() => new Date());
  const { records, registry, nrps } = sources.lti;
  const roster = sources.roster ?? createRoster({ records, registry, nrps, logger: sources.logger, now });
  return {
    routes: createRouteRepository(sources.connection),
    playbooks: sources.playbooks ?? createPlaybookRepository(sources.connection, { now }),
    records,
    signups: createSessionSignups(sources.connection),
    attendance: createSessionAttendance(sources.connection),
    assignments: createCoachAssignments(sources.connection),
    classList: (props) => roster.classList(props),
    now,
    newId,
    publisher: sources.gradePublisher ?? noGradePublisher,
  };
}
