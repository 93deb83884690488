// Why a grading save failed, and the reassurance that the form kept what the teacher entered (or that someone else was quicker).
import type { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';

export function SaveFailure({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div>
      <ErrorMessage error={error} />
      <p role="note">{error.status === 409 ? t('grading.conflict') : t('grading.rubric.keptAfterError')}</p>
    </div>
  );
}
