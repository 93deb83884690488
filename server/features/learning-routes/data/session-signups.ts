// Sign-ups for the sessions of synchronous activities: never more attendees than seats, also when students sign up at the same moment.
import type { Connection } from 'mongoose';
import { sessionSignupModel, type SessionSignupDocument } from './session-signup-model';
import { newId } from '../../../store/ids';
import { isDuplicateKeyError } from '../../../store/mongo-errors';

/** One session of one synchronous activity in a playbook. */
export interface SessionKey {
  playbookId: string;
  activityId: string;
  sessionId: string;
}

export type SignUpStatus = 'signed_up' | 'already_signed_up' | 'full';
export type CancelStatus = 'cancelled' | 'not_signed_up';

export interface SessionAttendance extends SessionKey {
  /** In sign-up order. */
  attendees: string[];
}

export interface SessionSignups {
  /** Takes a seat unless the student has one already or all `capacity` seats (from the playbook's session) are taken. */
  signUp(session: SessionKey, studentId: string, capacity: number): Promise<{ status: SignUpStatus; taken: number }>;
  cancel(session: SessionKey, studentId: string): Promise<CancelStatus>;
  /** The sessions a student signed up for in a playbook. */
  listForStudent(playbookId: string, studentId: string): Promise<SessionKey[]>;
  attendees(session: SessionKey): Promise<string[]>;
  /** Every session of a playbook that has (had) sign-ups, e.g. to show seats left. */
  listByPlaybook(playbookId: string): Promise<SessionAttendance[]>;
}

/** A refused sign-up is tried again when the counter was missing or a seat freed up in between; a few times, not forever. */
const SIGN_UP_ATTEMPTS = 3;

export function createSessionSignups(connection: Connection): SessionSignups {
  const model = sessionSignupModel(connection);

  async function createCounter(session: SessionKey): Promise<void> {
    // The unique index makes concurrent first sign-ups meet on one document (init() builds it once per model).
    await model.init();
    try {
      await model.create({ _id: newId(), ...keyOf(session), attendees: [], taken: 0 });
    } catch (error) {
      // Another sign-up created it a moment earlier: it exists, which is all we need.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  return {
    async signUp(session, studentId, capacity) {
      const key = keyOf(session);
      let taken = 0;
      for (let attempt = 1; attempt <= SIGN_UP_ATTEMPTS; attempt++) {
        const seated = await model
          .findOneAndUpdate(
            { ...key, taken: { $lt: capacity }, attendees: { $ne: studentId } },
            { $inc: { taken: 1 }, $push: { attendees: studentId } },
            { returnDocument: 'after' },
          )
          .lean<SessionSignupDocument>();
        if (seated) return { status: 'signed_up', taken: seated.taken };
        const current = await model.findOne(key).lean<SessionSignupDocument>();
        if (!current) {
          // The first sign-up for this session creates its counter, then takes a seat like any other.
          await createCounter(session);
          continue;
        }
        if (current.attendees.includes(studentId)) return { status: 'already_signed_up', taken: current.taken };
        taken = current.taken;
        if (taken >= capacity) break;
      }
      return { status: 'full', taken };
    },

    async cancel(session, studentId) {
      const result = await model.updateOne(
        { ...keyOf(session), attendees: studentId },
        { $inc: { taken: -1 }, $pull: { attendees: studentId } },
      );
      return result.modifiedCount === 1 ? 'cancelled' : 'not_signed_up';
    },

    async listForStudent(playbookId, studentId) {
      const docs = await model
        .find({ playbookId, attendees: studentId }, { playbookId: 1, activityId: 1, sessionId: 1 })
        .sort({ activityId: 1, sessionId: 1 })
        .lean<Pick<SessionSignupDocument, 'playbookId' | 'activityId' | 'sessionId'>[]>();
      return docs.map(keyOf);
    },

    async attendees(session) {
      const doc = await model.findOne(keyOf(session), { attendees: 1 }).lean<Pick<SessionSignupDocument, 'attendees'>>();
      return doc ? [...doc.attendees] : [];
    },

    async listByPlaybook(playbookId) {
      const docs = await model.find({ playbookId }).sort({ activityId: 1, sessionId: 1 }).lean<SessionSignupDocument[]>();
      return docs.map((doc) => ({ ...keyOf(doc), attendees: [...doc.attendees] }));
    },
  };
}

function keyOf({ playbookId, activityId, sessionId }: SessionKey): SessionKey {
  return { playbookId, activityId, sessionId };
}
