// Names of grid dimensions, statuses and rule messages in the current language, shared by the student's components.
import { en, type MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-context';
import type { ActivityType, Environment, LearningForm, Message } from '../api/types';

const isMessageKey = (key: string): key is MessageKey => key in en;

export function useLabels(titleOf: (activityId: string) => string = (id) => id) {
  const { t } = useI18n();
  const type = (value: ActivityType) => t(`student.type.${value}`);
  const environment = (value: Environment) => t(`student.environment.${value}`);
  const form = (value: LearningForm) => t(`student.form.${value}`);
  /** A server message in words; its ids and codes become titles and names first. */
  const message = (m: Message): string => {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(m.params)) params[name] = Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? String(value) : value;
    if (typeof m.params.type === 'string') params.type = type(m.params.type as ActivityType);
    if (typeof m.params.environment === 'string') params.environment = environment(m.params.environment as Environment);
    if (typeof m.params.activityId === 'string') params.activity = titleOf(m.params.activityId);
    if (typeof m.params.prerequisiteId === 'string') params.prerequisite = titleOf(m.params.prerequisiteId);
    if (!params.title && typeof m.params.activityId === 'string') params.title = titleOf(m.params.activityId);
    return isMessageKey(m.key) ? t(m.key, params) : t('student.rule.unknown', { key: m.key });
  };
  return { type, environment, form, message };
}
