// What the evidence and assessment use cases work with, passed in so tests build them from the real store.
import type { Connection } from 'mongoose';
import type { GradePublisher } from '../assessment/index';
import { createGradingSettingsRepository, type GradingSettingsRepository } from '../assessment/index';
import type { CourseRecords } from '../../lti/store/course-records';
import { createPlaybookRepository, type PlaybookRepository } from '../playbooks/index';
import { createRouteRepository, type RouteRepository } from '../learning-routes/index';
import { createAttemptRepository, type AttemptRepository } from './data/attempt-repository';
import { createEvidenceFiles, type EvidenceFiles } from './data/evidence-files';

export interface EvidenceDeps {
  playbooks: PlaybookRepository;
  records: CourseRecords;
  routes: RouteRepository;
  attempts: AttemptRepository;
  files: EvidenceFiles;
  settings: GradingSettingsRepository;
  publisher: GradePublisher;
  now: () => Date;
}

export function createEvidenceDeps(props: {
  connection: Connection;
  records: CourseRecords;
  publisher: GradePublisher;
  now?: () => Date;
  /** The app's playbook store; one of its own when not given. */
  playbooks?: PlaybookRepository;
}): EvidenceDeps {
  const { connection } = props;
  return {
    playbooks: props.playbooks ?? createPlaybookRepository(connection),
    records: props.records,
    routes: createRouteRepository(connection),
    attempts: createAttemptRepository(connection),
    files: createEvidenceFiles(connection),
    settings: createGradingSettingsRepository(connection),
    publisher: props.publisher,
    now: props.now ?? (() => new Date()),
  };
}
