// Who coaches whom in a course: Playroute's own relation, because real LMSs rarely send a coach role.
import { Schema, type Connection, type Model } from 'mongoose';

export interface CoachAssignmentDocument {
  _id: string;
  platformId: string;
  deploymentId: string;
  contextId: string;
  coachId: string;
  studentId: string;
  assignedBy: string;
  assignedAt: Date;
}

const required = { type: String, required: true } as const;

const coachAssignmentSchema = new Schema<CoachAssignmentDocument>(
  {
    _id: required,
    platformId: required,
    deploymentId: required,
    contextId: required,
    coachId: required,
    studentId: required,
    assignedBy: required,
    assignedAt: { type: Date, required: true },
  },
  { collection: 'coach_assignments', versionKey: false },
);

// One pair per course, so assigning twice (two tabs, a group that overlaps) changes nothing; the prefix lists a coach's students.
coachAssignmentSchema.index({ platformId: 1, deploymentId: 1, contextId: 1, coachId: 1, studentId: 1 }, { unique: true, name: 'course_coach_student' });

export function coachAssignmentModel(connection: Connection): Model<CoachAssignmentDocument> {
  return (
    (connection.models.CoachAssignment as Model<CoachAssignmentDocument> | undefined) ??
    connection.model<CoachAssignmentDocument>('CoachAssignment', coachAssignmentSchema)
  );
}
