// What the evidence and assessment use cases work with, passed in so tests build them from the real store.
import type { Connection } from 'mongoose';
import type { GradePublisher } from '../assessment/grade-publisher';
import { createGradingSettingsRepository, type GradingSettingsRepository } from '../assessment/store/grading-settings-repository';
import type { CourseRecords } from '../store/lti/course-records';
import { createPlaybookRepository, type PlaybookRepository } from '../store/repositories/playbook-repository';
import { createRouteRepository, type RouteRepository } from '../store/repositories/route-repository';
import { createAttemptRepository, type AttemptRepository } from './store/attempt-repository';
import { createEvidenceFiles, type EvidenceFiles } from './store/evidence-files';

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

export function createEvidenceDeps(props: { connection: Connection; records: CourseRecords; publisher: GradePublisher; now?: () => Date }): EvidenceDeps {
  const { connection } = props;
  return {
    playbooks: createPlaybookRepository(connection),
    records: props.records,
    routes: createRouteRepository(connection),
    attempts: createAttemptRepository(connection),
    files: createEvidenceFiles(connection),
    settings: createGradingSettingsRepository(connection),
    publisher: props.publisher,
    now: props.now ?? (() => new Date()),
  };
}
