// Names of grid dimensions, statuses and rule messages in the current language, shared by the student's components.
import { useI18n } from '../../../i18n/i18n-context';
import type { ActivityType, Environment, LearningForm, Message } from '../api/types';
import { messageText } from './message-text';

export function useLabels(titleOf: (activityId: string) => string = (id) => id) {
  const { t } = useI18n();
  const type = (value: ActivityType) => t(`student.type.${value}`);
  const environment = (value: Environment) => t(`student.environment.${value}`);
  const form = (value: LearningForm) => t(`student.form.${value}`);
  /** A server message in words; its ids and codes become titles and names first. */
  const message = (m: Message): string => messageText(t, m, titleOf);
  return { type, environment, form, message };
}
