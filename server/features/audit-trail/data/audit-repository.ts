// Appends to and reads the audit trail of a course; there is deliberately no update or delete here.
import type { Connection } from 'mongoose';
import { auditModel, type AuditEntryDocument } from './audit-model';

export interface AuditEntry extends AuditEntryDocument {
  id: string;
}

export interface CourseKey {
  platformId: string;
  deploymentId: string;
  contextId: string;
}

export interface AuditRepository {
  append(entry: AuditEntryDocument): Promise<void>;
  /** A course's entries, oldest first (ties in insertion order). */
  listForCourse(course: CourseKey): Promise<AuditEntry[]>;
}

export function createAuditRepository(connection: Connection): AuditRepository {
  const model = auditModel(connection);
  return {
    async append(entry) {
      await model.create(entry);
    },
    async listForCourse(course) {
      const docs = await model
        .find({ platformId: course.platformId, deploymentId: course.deploymentId, contextId: course.contextId })
        .sort({ at: 1, _id: 1 })
        .lean();
      // The decision is appended after the use case that sent its grade returned, so at equal times a decision goes
      // first: the trail reads as the exam board expects, decided then sent.
      const phase = (kind: string) => (kind === 'grade-sent' ? 1 : 0);
      return docs
        .map(({ _id, ...rest }) => ({ id: String(_id), ...rest }) as AuditEntry)
        .sort((a, b) => a.at.getTime() - b.at.getTime() || phase(a.kind) - phase(b.kind));
    },
  };
}
