// Attendance marks for sessions: one document per student per session, the latest mark of a teacher or coach.
import { Schema, type Connection, type Model } from 'mongoose';

export interface AttendanceMarkDocument {
  _id: string;
  playbookId: string;
  activityId: string;
  sessionId: string;
  studentId: string;
  attended: boolean;
  /** Who marked last, and when. */
  markedBy: string;
  markedAt: Date;
}

const required = { type: String, required: true } as const;

const attendanceMarkSchema = new Schema<AttendanceMarkDocument>(
  {
    _id: required,
    playbookId: required,
    activityId: required,
    sessionId: required,
    studentId: required,
    attended: { type: Boolean, required: true },
    markedBy: required,
    markedAt: { type: Date, required: true },
  },
  { collection: 'session_attendance', versionKey: false },
);

// One mark per student per session (a correction replaces it); the playbookId prefix lists a playbook's marks.
attendanceMarkSchema.index({ playbookId: 1, activityId: 1, sessionId: 1, studentId: 1 }, { unique: true, name: 'attendance_unique' });

export function attendanceMarkModel(connection: Connection): Model<AttendanceMarkDocument> {
  return (
    (connection.models.AttendanceMark as Model<AttendanceMarkDocument> | undefined) ??
    connection.model<AttendanceMarkDocument>('AttendanceMark', attendanceMarkSchema)
  );
}
