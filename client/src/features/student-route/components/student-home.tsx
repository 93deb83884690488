// Entry of this feature inside the launched app; the feature's own components hang below it.
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../app/session-api';

export function StudentHome(_props: { session: SessionView }) {
  const { t } = useI18n();
  return <h2>{t('student.title')}</h2>;
}
