// The quiet confirmation after a save, read out by screen readers.
import { useI18n } from '../../../i18n/i18n-context';

export function SavedNote({ shown }: { shown: boolean }) {
  const { t } = useI18n();
  return (
    <p role="status" className="saved-note">
      {shown ? t('designer.saved') : ''}
    </p>
  );
}
