// Reads and writes a playbook's grading settings as plain objects.
import type { Connection } from 'mongoose';
import type { FinalGradeSettings, GradingSettings, OutcomeGradingSettings } from '../use-cases/grading-settings';
import { gradingSettingsModel, type GradingSettingsDocument } from './grading-settings-model';

export interface GradingSettingsRepository {
  get(playbookId: string): Promise<GradingSettings>;
  setOutcome(playbookId: string, outcomeId: string, settings: OutcomeGradingSettings): Promise<void>;
  setFinal(playbookId: string, settings: FinalGradeSettings): Promise<void>;
}

export function createGradingSettingsRepository(connection: Connection, { now = () => new Date() }: { now?: () => Date } = {}): GradingSettingsRepository {
  const model = gradingSettingsModel(connection);
  const upsert = (doc: Omit<GradingSettingsDocument, 'updatedAt'>) =>
    model.updateOne({ _id: doc._id }, { $set: { ...doc, updatedAt: now() } }, { upsert: true });

  return {
    async get(playbookId) {
      const docs = await model.find({ playbookId }).lean<GradingSettingsDocument[]>();
      const settings: GradingSettings = { outcomes: {} };
      for (const doc of docs) {
        if (doc.scope === 'final') settings.final = doc.settings as FinalGradeSettings;
        else if (doc.outcomeId) settings.outcomes[doc.outcomeId] = doc.settings as OutcomeGradingSettings;
      }
      return settings;
    },
    async setOutcome(playbookId, outcomeId, settings) {
      await upsert({ _id: `${playbookId}:outcome:${outcomeId}`, playbookId, scope: 'outcome', outcomeId, settings });
    },
    async setFinal(playbookId, settings) {
      await upsert({ _id: `${playbookId}:final`, playbookId, scope: 'final', settings });
    },
  };
}
