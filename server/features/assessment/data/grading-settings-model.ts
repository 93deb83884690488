// Stored grading settings: one document per outcome of a playbook and one for its final grade.
import { Schema, type Connection, type Model } from 'mongoose';

export interface GradingSettingsDocument {
  /** `${playbookId}:outcome:${outcomeId}` or `${playbookId}:final`, so each part is upserted on its own. */
  _id: string;
  playbookId: string;
  scope: 'outcome' | 'final';
  outcomeId?: string;
  /** OutcomeGradingSettings or FinalGradeSettings, validated by zod at the edge. */
  settings: unknown;
  updatedAt: Date;
}

const schema = new Schema<GradingSettingsDocument>(
  {
    _id: { type: String, required: true },
    playbookId: { type: String, required: true },
    scope: { type: String, enum: ['outcome', 'final'], required: true },
    outcomeId: String,
    settings: { type: Schema.Types.Mixed, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'grading_settings', minimize: false, versionKey: false },
);

// All settings of a playbook are read at once, on every grade.
schema.index({ playbookId: 1 }, { name: 'settings_by_playbook' });

export function gradingSettingsModel(connection: Connection): Model<GradingSettingsDocument> {
  return (connection.models.GradingSettings as Model<GradingSettingsDocument> | undefined) ?? connection.model<GradingSettingsDocument>('GradingSettings', schema);
}
