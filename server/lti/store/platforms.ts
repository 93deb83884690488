// The registry of LMS platforms Playroute trusts: issuer, client_id, their endpoints and the deployments allowed to launch.
import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { JOURNAL_LATER } from './journal-later';

export interface Platform {
  id: string;
  issuer: string;
  clientId: string;
  name: string;
  productFamily?: string;
  authLoginUrl: string;
  tokenUrl: string;
  /** The audience of our client assertions when it differs from tokenUrl (Brightspace). */
  tokenAudience?: string;
  jwksUrl: string;
  deploymentIds: string[];
  registeredVia: 'manual' | 'dynamic' | 'demo';
  createdAt: Date;
}

export type PlatformInput = Omit<Platform, 'id' | 'createdAt'>;

interface PlatformDocument extends Omit<Platform, 'id'> {
  _id: string;
}

const platformSchema = new Schema<PlatformDocument>(
  {
    _id: { type: String, default: () => randomUUID() },
    issuer: { type: String, required: true },
    clientId: { type: String, required: true },
    name: { type: String, required: true },
    productFamily: String,
    authLoginUrl: { type: String, required: true },
    tokenUrl: { type: String, required: true },
    tokenAudience: String,
    jwksUrl: { type: String, required: true },
    deploymentIds: { type: [String], default: [] },
    registeredVia: { type: String, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { versionKey: false, collection: 'lti_platforms' },
);
// One client_id may serve many deployments (Canvas); the pair issuer + client_id is the platform.
platformSchema.index({ issuer: 1, clientId: 1 }, { unique: true });

export interface PlatformRegistry {
  find(issuer: string, clientId: string): Promise<Platform | undefined>;
  findByIssuer(issuer: string): Promise<Platform[]>;
  get(id: string): Promise<Platform | undefined>;
  list(): Promise<Platform[]>;
  /** Registers or updates a platform; deployments are added to those already known, never dropped. */
  register(input: PlatformInput): Promise<Platform>;
  /** Records the product family a launch named, for a platform registered without one (manual registration); never overwrites. */
  learnProductFamily(id: string, productFamily: string): Promise<void>;
}

export function createPlatformRegistry(connection: Connection): PlatformRegistry {
  const Platforms = connection.model<PlatformDocument>('LtiPlatform', platformSchema);
  return {
    async find(issuer, clientId) {
      return toPlatform(await Platforms.findOne({ issuer, clientId }).lean<PlatformDocument>());
    },
    async findByIssuer(issuer) {
      const docs = await Platforms.find({ issuer }).sort({ createdAt: 1 }).lean<PlatformDocument[]>();
      return docs.map((doc) => toPlatform(doc) as Platform);
    },
    async get(id) {
      return toPlatform(await Platforms.findById(id).lean<PlatformDocument>());
    },
    async list() {
      const docs = await Platforms.find().sort({ createdAt: 1 }).lean<PlatformDocument[]>();
      return docs.map((doc) => toPlatform(doc) as Platform);
    },
    async register(input) {
      const { deploymentIds, ...fields } = input;
      const doc = await Platforms.findOneAndUpdate(
        { issuer: input.issuer, clientId: input.clientId },
        { $set: fields, $addToSet: { deploymentIds: { $each: deploymentIds } } },
        { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
      ).lean<PlatformDocument>();
      return toPlatform(doc) as Platform;
    },
    async learnProductFamily(id, productFamily) {
      // Learned again from the next launch if lost (journal-later.ts).
      await Platforms.updateOne({ _id: id, productFamily: { $exists: false } }, { $set: { productFamily } }, JOURNAL_LATER);
    },
  };
}

function toPlatform(doc: PlatformDocument | null): Platform | undefined {
  if (!doc) return undefined;
  const { _id, ...rest } = doc;
  return { ...rest, id: _id, deploymentIds: [...rest.deploymentIds] };
}
