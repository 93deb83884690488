// The append-only audit trail of assessment decisions: recorded from assessment and grade passback, read by the
// course's teacher, exported for the exam board.
import type { Connection } from 'mongoose';
import type { Router } from 'express';
import type { GradePublisher } from '../assessment/index';
import type { Attempt } from '../evidence/index';
import { createAuditRepository, type AuditRepository } from './data/audit-repository';
import { auditTrailRoutes } from './routes';
import { auditedPublisher, recordAssessmentDecision, recordResend, type AssessmentDecision } from './use-cases/record-decisions';

export { AUDIT_COLLECTION, auditModel } from './data/audit-model';
export type { AuditKind, AuditEntryDocument } from './data/audit-model';
export type { AuditEntry, AuditRepository } from './data/audit-repository';
export type { AssessmentDecision } from './use-cases/record-decisions';

export interface AuditTrailFeature {
  router: Router;
  audit: AuditRepository;
  onAssessmentDecision(event: AssessmentDecision): Promise<void>;
  onGradeResent(props: Parameters<typeof recordResend>[1]): Promise<void>;
  publisher(publisher: GradePublisher): GradePublisher;
}

export function createAuditTrailFeature(deps: {
  connection: Connection;
  attempts: { listForStudent(playbookId: string, studentId: string, outcomeId?: string): Promise<Attempt[]> };
  now?: () => Date;
}): AuditTrailFeature {
  const audit = createAuditRepository(deps.connection);
  const now = deps.now ?? (() => new Date());
  return {
    router: auditTrailRoutes({ audit }),
    audit,
    onAssessmentDecision: (event) => recordAssessmentDecision({ audit, attempts: deps.attempts, now }, event),
    onGradeResent: (props) => recordResend({ audit, now }, props),
    publisher: (publisher) => auditedPublisher(publisher, { audit, now }),
  };
}
