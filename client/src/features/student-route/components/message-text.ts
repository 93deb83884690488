// A domain message (a rule check, a refusal) in words: its ids and codes become titles and names before translation.
import { isMessageKey } from '../../../i18n/catalogues';
import type { MessageKey } from '../../../i18n/en';
import type { MessageParams } from '../../../i18n/translate';
import type { ActivityType, Environment, Message } from '../api/types';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Pure: `t` is the current language's translate, `titleOf` names an activity id. */
export function messageText(t: Translate, m: Message, titleOf: (activityId: string) => string): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params)) params[name] = Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? String(value) : value;
  if (typeof m.params.type === 'string') params.type = t(`student.type.${m.params.type as ActivityType}`);
  if (typeof m.params.environment === 'string') params.environment = t(`student.environment.${m.params.environment as Environment}`);
  if (typeof m.params.activityId === 'string') params.activity = titleOf(m.params.activityId);
  if (typeof m.params.prerequisiteId === 'string') params.prerequisite = titleOf(m.params.prerequisiteId);
  if (!params.title && typeof m.params.activityId === 'string') params.title = titleOf(m.params.activityId);
  return isMessageKey(m.key) ? t(m.key, params) : t('student.rule.unknown', { key: m.key });
}
