// The OIDC login requests in flight: each state and nonce is used once, within ten minutes, by the platform it was issued for.
//
// One document per login carries its state (the _id) and its nonce. Consuming the state marks the document spent in
// one findOneAndUpdate, and a unique index over the spent documents' issuer + nonce makes that same command spend
// the nonce: a second document with an already spent nonce (a second process, a state store restored from a backup)
// cannot be consumed. One synced write per launch instead of a delete plus a used-nonce insert; the spent document
// stays until no id_token carrying its nonce could pass verification any more (kept until the caller says so).
import { Schema, type Connection, type mongo } from 'mongoose';
import { JOURNAL_LATER } from './journal-later';

export const LOGIN_STATE_TTL_SECONDS = 600;

export interface LoginState {
  state: string;
  nonce: string;
  issuer: string;
  clientId: string;
  deploymentId?: string;
  targetLinkUri: string;
  /** How the browser proves it started this login: a cookie, or LTI Platform Storage in the LMS window. */
  binding: 'cookie' | 'platform-storage';
  storageTarget?: string;
  createdAt: Date;
}

interface LoginStateDocument extends LoginState {
  _id: string;
  /** Set when the launch consumed the state; from then on the document is the record of a used nonce. */
  spent?: true;
  /** The TTL monitor removes the document after this: ten minutes for a waiting login, longer once spent. */
  expiresAt: Date;
}

const loginStateSchema = new Schema<LoginStateDocument>(
  {
    _id: String,
    state: { type: String, required: true },
    nonce: { type: String, required: true },
    issuer: { type: String, required: true },
    clientId: { type: String, required: true },
    deploymentId: String,
    targetLinkUri: { type: String, required: true },
    binding: { type: String, required: true },
    storageTarget: String,
    createdAt: { type: Date, required: true },
    spent: Boolean,
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'lti_login_states' },
);
loginStateSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
// A nonce is spent once per platform: two spent documents with the same issuer and nonce cannot exist.
loginStateSchema.index({ issuer: 1, nonce: 1 }, { unique: true, partialFilterExpression: { spent: true }, name: 'spent_nonce' });
// Counting one platform's waiting logins happens on every login initiation.
loginStateSchema.index({ issuer: 1, createdAt: 1 });

/** The TTL index of earlier versions removed every login state ten minutes after the login, spent or not. */
const RETIRED_INDEXES = ['createdAt_1'];

/** Why a state could not be consumed. */
export type ConsumeRefusal = 'unknown' | 'nonce_spent';

export interface LoginStates {
  save(state: LoginState): Promise<void>;
  /**
   * Spends the state and its nonce in one atomic step: a second launch with the same state finds nothing, and a
   * state whose nonce was spent before is refused. The spent record is kept until `keepNonceUntil`.
   */
  consume(state: string, props: { now: Date; keepNonceUntil: Date }): Promise<LoginState | ConsumeRefusal>;
  /** How many logins of this platform wait for their launch (not used, not expired). */
  countWaiting(issuer: string, now: Date): Promise<number>;
  /** Removes what earlier versions declared and this one replaces; call once at start. */
  retireOldIndexes(): Promise<void>;
}

export function createLoginStates(connection: Connection): LoginStates {
  const States = connection.model<LoginStateDocument>('LtiLoginState', loginStateSchema);
  // The model declares the collection and its indexes; the launch's commands go straight to the driver (see save).
  const raw = States.collection as unknown as mongo.Collection<LoginStateDocument>;
  return {
    async save(state) {
      const expiresAt = new Date(state.createdAt.getTime() + LOGIN_STATE_TTL_SECONDS * 1000);
      // Straight to the driver, as on every step of the launch: the values are typed here and the schema adds nothing
      // but a document to build and validate per login. Absent optional fields stay absent (the driver would store null).
      const doc: LoginStateDocument = { _id: state.state, ...definedOnly(state), expiresAt };
      // Not waited for on disk (journal-later.ts): a state lost in a crash only fails its launch (state_unknown), and the
      // launch's own journaled consume makes every earlier journal record durable with it.
      await raw.insertOne(doc, JOURNAL_LATER);
    },
    async consume(state, { now, keepNonceUntil }) {
      let doc: LoginStateDocument | null;
      try {
        doc = await raw.findOneAndUpdate(
          { _id: state, spent: { $ne: true } },
          { $set: { spent: true, expiresAt: keepNonceUntil } },
          { returnDocument: 'before' },
        );
      } catch (err) {
        // The spent_nonce index: another login with this issuer and nonce was spent before.
        if ((err as { code?: number }).code === 11000) return 'nonce_spent';
        throw err;
      }
      if (!doc) return 'unknown';
      // The TTL sweep runs about once a minute, so an expired state may still be there.
      if (now.getTime() - doc.createdAt.getTime() > LOGIN_STATE_TTL_SECONDS * 1000) return 'unknown';
      const { _id, spent: _spent, expiresAt: _expiresAt, ...rest } = doc;
      return rest;
    },
    async countWaiting(issuer, now) {
      return raw.countDocuments({ issuer, createdAt: { $gt: new Date(now.getTime() - LOGIN_STATE_TTL_SECONDS * 1000) }, spent: { $ne: true } });
    },
    async retireOldIndexes() {
      const existing = await States.collection.indexes().catch(() => []);
      for (const name of RETIRED_INDEXES) {
        if (existing.some((index) => index.name === name)) await States.collection.dropIndex(name);
      }
      // Logins begun under that version have no expiresAt: they expire ten minutes from now (consume checks createdAt anyway).
      await States.updateMany({ expiresAt: { $exists: false } }, { $set: { expiresAt: new Date(Date.now() + LOGIN_STATE_TTL_SECONDS * 1000) } });
    },
  };
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
