// An API error of the student's actions in words: the feature's own codes first, then the shared messages.
import type { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';

const CODES: Record<string, MessageKey> = {
  version_conflict: 'student.error.version_conflict',
  route_rules_violated: 'student.error.route_rules_violated',
  route_not_editable: 'student.error.route_not_editable',
  level_forbids: 'student.error.level_forbids',
  invalid_transition: 'student.error.invalid_transition',
  session_full: 'student.error.session_full',
  session_past: 'student.error.session_past',
  signed_up_elsewhere: 'student.error.signed_up_elsewhere',
  activity_not_in_route: 'student.error.activity_not_in_route',
  outside_assessment_window: 'student.error.outside_assessment_window',
  self_assessment_required: 'student.error.self_assessment_required',
  no_evidence: 'student.error.no_evidence',
  attempt_not_draft: 'student.error.attempt_not_draft',
  attempt_awaiting_grading: 'student.error.attempt_awaiting_grading',
  file_too_large: 'student.error.file_too_large',
  file_type_not_allowed: 'student.error.file_type_not_allowed',
  validation_failed: 'student.error.validation_failed',
  unknown_coach: 'student.error.unknown_coach',
};

export function StudentError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const key = CODES[error.code];
  if (!key) return <ErrorMessage error={error} {...(onRetry ? { onRetry } : {})} />;
  return (
    <div role="alert" className="error-box">
      <p>{t(key)}</p>
    </div>
  );
}
