// The OIDC login requests in flight: each state and nonce is used once, within ten minutes, by the platform it was issued for.
import { Schema, type Connection } from 'mongoose';

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
  },
  { versionKey: false, collection: 'lti_login_states' },
);
loginStateSchema.index({ createdAt: 1 }, { expireAfterSeconds: LOGIN_STATE_TTL_SECONDS });
// Counting one platform's waiting logins happens on every login initiation.
loginStateSchema.index({ issuer: 1, createdAt: 1 });

const usedNonceSchema = new Schema(
  {
    _id: String,
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'lti_used_nonces' },
);
usedNonceSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

export interface LoginStates {
  save(state: LoginState): Promise<void>;
  /** Takes the state out in one atomic step: a second launch with the same state finds nothing. */
  consume(state: string, now: Date): Promise<LoginState | undefined>;
  /** Records a nonce as used; false when it was used before (a replay). */
  useNonce(issuer: string, nonce: string, keepUntil: Date): Promise<boolean>;
  /** How many logins of this platform wait for their launch (not used, not expired). */
  countWaiting(issuer: string, now: Date): Promise<number>;
}

export function createLoginStates(connection: Connection): LoginStates {
  const States = connection.model<LoginStateDocument>('LtiLoginState', loginStateSchema);
  const UsedNonces = connection.model('LtiUsedNonce', usedNonceSchema);
  return {
    async save(state) {
      await States.create({ _id: state.state, ...state });
    },
    async consume(state, now) {
      const doc = await States.findOneAndDelete({ _id: state }).lean<LoginStateDocument>();
      if (!doc) return undefined;
      // The TTL sweep runs about once a minute, so an expired state may still be there.
      if (now.getTime() - doc.createdAt.getTime() > LOGIN_STATE_TTL_SECONDS * 1000) return undefined;
      const { _id, ...rest } = doc;
      return rest;
    },
    async countWaiting(issuer, now) {
      return States.countDocuments({ issuer, createdAt: { $gt: new Date(now.getTime() - LOGIN_STATE_TTL_SECONDS * 1000) } });
    },
    async useNonce(issuer, nonce, keepUntil) {
      try {
        // The unique _id makes check-and-record one atomic insert; two launches cannot both pass.
        await UsedNonces.create({ _id: `${issuer} ${nonce}`, expiresAt: keepUntil });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    },
  };
}
