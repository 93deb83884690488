// A stored set of project groups for one collaborative activity of a playbook, with the settings it was formed with.
import { Schema, type Connection, type Model } from 'mongoose';
import type { GroupingMode, GroupTarget, StoredGroup } from '../../../domain/groups/index';

export interface GroupSetDocument {
  _id: string;
  playbookId: string;
  title: string;
  activityId?: string;
  mode: GroupingMode;
  target: GroupTarget;
  fixedPartners: string[][];
  groups: StoredGroup[];
  missingPeers: { groupId: string; outcomeId: string }[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

const required = { type: String, required: true } as const;

const groupSetSchema = new Schema<GroupSetDocument>(
  {
    _id: required,
    playbookId: required,
    title: required,
    activityId: String,
    mode: { type: String, enum: ['mixed', 'similar'], required: true },
    target: { type: new Schema({ size: Number, count: Number }, { _id: false }), required: true },
    fixedPartners: { type: [[String]], default: [] },
    groups: [new Schema({ id: required, memberIds: { type: [String], default: [] }, locked: { type: Boolean, default: false } }, { _id: false })],
    missingPeers: [new Schema({ groupId: required, outcomeId: required }, { _id: false })],
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: required,
  },
  { collection: 'project_group_sets', versionKey: false },
);
groupSetSchema.index({ playbookId: 1, createdAt: 1 }, { name: 'playbook_created' });

export function groupSetModel(connection: Connection): Model<GroupSetDocument> {
  return (connection.models.ProjectGroupSet as Model<GroupSetDocument> | undefined) ?? connection.model<GroupSetDocument>('ProjectGroupSet', groupSetSchema);
}
