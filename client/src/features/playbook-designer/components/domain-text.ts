// Says the domain's messages (quality checks, publishing reasons, rule violations, playcards) in the interface language.
import { isMessageKey } from '../../../i18n/catalogues';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDate } from '../../../i18n/format-date';
import type { MessageParams } from '../../../i18n/translate';
import type { DomainMessage } from '../api/types';
import { useDesigner } from './designer-context';

/** The designer's own key for a domain key, e.g. `quality.multiple_routes.ok` → `designer.m.quality.multiple_routes.ok`. */
export function designerKey(key: string): MessageKey | null {
  const full = `designer.m.${key}`;
  return isMessageKey(full) ? full : null;
}

export function useDomainText(): (message: DomainMessage | string) => string {
  const { t, language } = useI18n();
  const { design } = useDesigner();
  const titleOf = (id: string) => design.activities.find((a) => a.id === id)?.title ?? id;
  const nameOf = (kind: 'type' | 'environment', value: string) => {
    const key = designerKey(`${kind}.${value}`);
    return key ? t(key) : value;
  };
  const dateOf = (iso: string) => formatDate(language, iso, 'long');
  return (message) => {
    const { key, params } = typeof message === 'string' ? { key: message, params: {} } : message;
    const own = designerKey(key);
    if (!own) return t('designer.m.unknown', { key });
    const filled: MessageParams = {};
    for (const [name, value] of Object.entries(params)) {
      if (name === 'type' && typeof value === 'string') filled[name] = nameOf('type', value);
      else if (name === 'environment' && typeof value === 'string') filled[name] = nameOf('environment', value);
      else if (name === 'missing' && Array.isArray(value)) filled[name] = value.map((v) => nameOf('type', v)).join(', ');
      else if ((name === 'activityId' || name === 'prerequisiteId') && typeof value === 'string') filled[name] = titleOf(value);
      else if ((name === 'courseStart' || name === 'publishedAt') && typeof value === 'string') filled[name] = dateOf(value);
      else if (Array.isArray(value)) filled[name] = value.map(titleOf).join(', ');
      // Numbers stay numbers, so plural forms choose by them and write them the language's way.
      else filled[name] = typeof value === 'number' ? value : String(value);
    }
    return t(own, filled);
  };
}
