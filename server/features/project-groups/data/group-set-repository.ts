// Group sets as plain objects; a change is one write of the whole set, applied only over the version the teacher read.
import type { Connection } from 'mongoose';
import type { GroupTarget } from '../../../domain/groups/index';
import { ConcurrencyConflictError } from '../../../store/store-errors';
import { groupSetModel, type GroupSetDocument } from './group-set-model';

/** A stored set as the use cases see it: the document with its id by name, without who last wrote it. */
export type GroupSet = Omit<GroupSetDocument, '_id' | 'updatedBy'> & { id: string };

export type GroupSetChange = Pick<GroupSet, 'mode' | 'target' | 'fixedPartners' | 'groups' | 'missingPeers'>;

export interface GroupSetRepository {
  create(set: Omit<GroupSet, 'version' | 'updatedAt'>, by: string): Promise<GroupSet>;
  get(playbookId: string, id: string): Promise<GroupSet | undefined>;
  list(playbookId: string): Promise<GroupSet[]>;
  /** ConcurrencyConflictError unless the stored version is still `expectedVersion`. */
  save(playbookId: string, id: string, change: GroupSetChange, props: { expectedVersion: number; by: string; at: Date }): Promise<GroupSet>;
}

export function createGroupSetRepository(connection: Connection): GroupSetRepository {
  const model = groupSetModel(connection);
  return {
    async create(set, by) {
      const { id, activityId, ...rest } = set;
      const doc = await model.create({ _id: id, ...rest, ...(activityId ? { activityId } : {}), version: 1, updatedAt: set.createdAt, updatedBy: by });
      return toGroupSet(doc.toObject<GroupSetDocument>());
    },
    async get(playbookId, id) {
      const doc = await model.findOne({ _id: id, playbookId }).lean<GroupSetDocument>();
      return doc ? toGroupSet(doc) : undefined;
    },
    async list(playbookId) {
      const docs = await model.find({ playbookId }).sort({ createdAt: 1 }).lean<GroupSetDocument[]>();
      return docs.map(toGroupSet);
    },
    async save(playbookId, id, change, { expectedVersion, by, at }) {
      const saved = await model
        .findOneAndUpdate(
          { _id: id, playbookId, version: expectedVersion },
          { $set: { ...change, updatedAt: at, updatedBy: by }, $inc: { version: 1 } },
          { returnDocument: 'after', runValidators: true },
        )
        .lean<GroupSetDocument>();
      if (saved) return toGroupSet(saved);
      const current = await model.findOne({ _id: id, playbookId }, { version: 1 }).lean<Pick<GroupSetDocument, 'version'>>();
      throw new ConcurrencyConflictError('group set', id, expectedVersion, current?.version ?? 0);
    },
  };
}

function toGroupSet(doc: GroupSetDocument): GroupSet {
  return {
    id: doc._id,
    playbookId: doc.playbookId,
    title: doc.title,
    ...(doc.activityId ? { activityId: doc.activityId } : {}),
    mode: doc.mode,
    target: targetOf(doc.target as { size?: number | null; count?: number | null }),
    fixedPartners: doc.fixedPartners.map((p) => [...p]),
    groups: doc.groups.map((g) => ({ id: g.id, memberIds: [...g.memberIds], locked: g.locked })),
    missingPeers: doc.missingPeers.map((m) => ({ groupId: m.groupId, outcomeId: m.outcomeId })),
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** Mongoose keeps both sub-fields of the target; whichever was set is the one the teacher chose. */
function targetOf(stored: { size?: number | null; count?: number | null }): GroupTarget {
  return typeof stored.size === 'number' ? { size: stored.size } : { count: stored.count ?? 1 };
}
