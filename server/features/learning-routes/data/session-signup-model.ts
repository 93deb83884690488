// Sign-ups for one session of a synchronous activity: a seat counter and the attendees, changed together in one conditional update.
import { Schema, type Connection, type Model } from 'mongoose';

export interface SessionSignupDocument {
  _id: string;
  playbookId: string;
  activityId: string;
  sessionId: string;
  /** Students in sign-up order. */
  attendees: string[];
  /** Always attendees.length; kept as a number so a seat can be taken with a single `$lt: capacity` filter. */
  taken: number;
}

const required = { type: String, required: true } as const;

const sessionSignupSchema = new Schema<SessionSignupDocument>(
  {
    _id: required,
    playbookId: required,
    activityId: required,
    sessionId: required,
    attendees: { type: [String], default: [] },
    taken: { type: Number, required: true, min: 0 },
  },
  { collection: 'session_signups', versionKey: false },
);

// One counter per session, so concurrent first sign-ups upsert the same document; its playbookId prefix lists a playbook's sessions.
sessionSignupSchema.index({ playbookId: 1, activityId: 1, sessionId: 1 }, { unique: true, name: 'session_unique' });
// A student's sign-ups within a playbook (multikey over attendees).
sessionSignupSchema.index({ playbookId: 1, attendees: 1 }, { name: 'playbook_attendee' });

export function sessionSignupModel(connection: Connection): Model<SessionSignupDocument> {
  return (
    (connection.models.SessionSignup as Model<SessionSignupDocument> | undefined) ??
    connection.model<SessionSignupDocument>('SessionSignup', sessionSignupSchema)
  );
}
