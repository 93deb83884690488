// Who attended a session, as teachers and coaches marked it; kept beside the sign-ups, which stay the list of who was expected.
import type { Connection } from 'mongoose';
import { attendanceMarkModel, type AttendanceMarkDocument } from './session-attendance-model';
import type { SessionKey } from './session-signups';
import { newId } from '../../../store/ids';
import { isDuplicateKeyError } from '../../../store/mongo-errors';

export interface AttendanceMark extends SessionKey {
  studentId: string;
  attended: boolean;
  markedBy: string;
  markedAt: Date;
}

export interface SessionAttendanceStore {
  /** Sets the student's mark for the session, replacing an earlier one. */
  mark(mark: AttendanceMark): Promise<AttendanceMark>;
  /** Every mark in a playbook. */
  listByPlaybook(playbookId: string): Promise<AttendanceMark[]>;
}

export function createSessionAttendance(connection: Connection): SessionAttendanceStore {
  const model = attendanceMarkModel(connection);

  async function upsert(mark: AttendanceMark): Promise<void> {
    const { playbookId, activityId, sessionId, studentId, attended, markedBy, markedAt } = mark;
    await model.updateOne(
      { playbookId, activityId, sessionId, studentId },
      { $set: { attended, markedBy, markedAt }, $setOnInsert: { _id: newId() } },
      { upsert: true },
    );
  }

  return {
    async mark(mark) {
      // The unique index makes two first marks at once meet on one document; the loser's upsert then updates it.
      await model.init();
      try {
        await upsert(mark);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        await upsert(mark);
      }
      return mark;
    },

    async listByPlaybook(playbookId) {
      const docs = await model.find({ playbookId }).lean<AttendanceMarkDocument[]>();
      return docs.map((d) => ({
        playbookId: d.playbookId,
        activityId: d.activityId,
        sessionId: d.sessionId,
        studentId: d.studentId,
        attended: d.attended,
        markedBy: d.markedBy,
        markedAt: d.markedAt,
      }));
    },
  };
}
