// Storage of the tool's signing keys: public JWK in the clear, private key encrypted, so the JWKS can hold several during a rotation.
import { Schema, type Connection } from 'mongoose';

export interface StoredToolKey {
  kid: string;
  publicJwk: Record<string, unknown>;
  /** AES-256-GCM ciphertext of the private JWK (base64), with its IV and tag. */
  encryptedPrivateJwk: { iv: string; tag: string; data: string };
  createdAt: Date;
  /** Set when the key stops signing; it stays in the JWKS until platforms can no longer hold tokens it signed. */
  retiredAt?: Date;
}

interface ToolKeyDocument extends StoredToolKey {
  _id: string;
}

const toolKeySchema = new Schema<ToolKeyDocument>(
  {
    _id: { type: String },
    kid: { type: String, required: true },
    publicJwk: { type: Schema.Types.Mixed, required: true },
    encryptedPrivateJwk: { iv: String, tag: String, data: String },
    createdAt: { type: Date, required: true },
    retiredAt: Date,
  },
  { versionKey: false, collection: 'lti_tool_keys' },
);
toolKeySchema.index({ kid: 1 }, { unique: true });
toolKeySchema.index({ createdAt: -1 });

export interface ToolKeyStore {
  /** Keys not retired, and retired ones since `retiredSince`, newest first. */
  listPublished(retiredSince: Date): Promise<StoredToolKey[]>;
  insert(key: StoredToolKey): Promise<void>;
  retireAllExcept(kid: string, at: Date): Promise<number>;
}

export function createToolKeyStore(connection: Connection): ToolKeyStore {
  const Keys = connection.model<ToolKeyDocument>('LtiToolKey', toolKeySchema);
  return {
    async listPublished(retiredSince) {
      const docs = await Keys.find({ $or: [{ retiredAt: { $exists: false } }, { retiredAt: { $gte: retiredSince } }] })
        .sort({ createdAt: -1 })
        .lean<ToolKeyDocument[]>();
      return docs.map(({ _id, ...key }) => key);
    },
    async insert(key) {
      await Keys.create({ _id: key.kid, ...key });
    },
    async retireAllExcept(kid, at) {
      const result = await Keys.updateMany({ kid: { $ne: kid }, retiredAt: { $exists: false } }, { $set: { retiredAt: at } });
      return result.modifiedCount;
    },
  };
}
