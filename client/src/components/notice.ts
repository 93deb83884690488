// A confirmation kept as a message key, so it follows a change of language.
import type { MessageKey } from '../i18n/en';
import type { MessageParams } from '../i18n/translate';

export interface Notice {
  key: MessageKey;
  params?: MessageParams;
}
