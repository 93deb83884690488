// The coach assignments of a course as plain objects: assign (idempotent), unassign, list by course or by coach.
import type { Connection } from 'mongoose';
import { newId } from '../../../store/ids';
import { isDuplicateKeyError } from '../../../store/mongo-errors';
import { coachAssignmentModel, type CoachAssignmentDocument } from './coach-assignment-model';

export interface CourseKey {
  platformId: string;
  deploymentId: string;
  contextId: string;
}

export interface CoachAssignment {
  coachId: string;
  studentId: string;
  assignedBy: string;
  assignedAt: Date;
}

export interface CoachAssignments {
  /** Assigns the coach to each student; pairs that exist already stay as they were. */
  assign(course: CourseKey, props: { coachId: string; studentIds: string[]; by: string; at: Date }): Promise<void>;
  unassign(course: CourseKey, props: { coachId: string; studentIds: string[] }): Promise<void>;
  listByCourse(course: CourseKey): Promise<CoachAssignment[]>;
  studentsOf(course: CourseKey, coachId: string): Promise<string[]>;
}

export function createCoachAssignments(connection: Connection): CoachAssignments {
  const model = coachAssignmentModel(connection);
  const keyOf = ({ platformId, deploymentId, contextId }: CourseKey): CourseKey => ({ platformId, deploymentId, contextId });
  return {
    async assign(course, { coachId, studentIds, by, at }) {
      if (studentIds.length === 0) return;
      const key = keyOf(course);
      // An upsert per pair on the unique index: concurrent assignments of the same pair meet on one document.
      await model.init();
      const writes = studentIds.map((studentId) => ({
        updateOne: {
          filter: { ...key, coachId, studentId },
          update: { $setOnInsert: { _id: newId(), ...key, coachId, studentId, assignedBy: by, assignedAt: at } },
          upsert: true,
        },
      }));
      await model.bulkWrite(writes, { ordered: false }).catch((error: unknown) => {
        // Two teachers assigning the same pair at once: the other one's document is the one we wanted.
        if (!isDuplicateKeyError(error)) throw error;
      });
    },
    async unassign(course, { coachId, studentIds }) {
      await model.deleteMany({ ...keyOf(course), coachId, studentId: { $in: studentIds } });
    },
    async listByCourse(course) {
      const docs = await model.find(keyOf(course)).sort({ coachId: 1, studentId: 1 }).lean<CoachAssignmentDocument[]>();
      return docs.map(({ coachId, studentId, assignedBy, assignedAt }) => ({ coachId, studentId, assignedBy, assignedAt }));
    },
    async studentsOf(course, coachId) {
      const docs = await model.find({ ...keyOf(course), coachId }, { studentId: 1 }).lean<Pick<CoachAssignmentDocument, 'studentId'>[]>();
      return docs.map((doc) => doc.studentId);
    },
  };
}
