// PUT /api/assessment/settings/outcomes/:id: how one learning outcome is graded; teachers only. Answers every outcome's settings.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gradingSettingsKey, gradingSettingsSchema, type OutcomeSettings } from './get-grading-settings';

export type OutcomeSettingsBody = Omit<OutcomeSettings, 'outcomeId' | 'title'>;

export const saveOutcomeSettings = (outcomeId: string, body: OutcomeSettingsBody) =>
  apiRequest(`/api/assessment/settings/outcomes/${encodeURIComponent(outcomeId)}`, gradingSettingsSchema, { method: 'PUT', body });

export function useSaveOutcomeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ outcomeId, body }: { outcomeId: string; body: OutcomeSettingsBody }) => saveOutcomeSettings(outcomeId, body),
    onSuccess: (answer) => queryClient.setQueryData(gradingSettingsKey, answer),
  });
}
