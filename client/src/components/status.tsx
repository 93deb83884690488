// Loading and error states every view shares: an API error is always said in words, with a way to try again.
import type { ApiError } from '../lib/api-client';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" aria-live="polite" className="muted">
      {t('status.loading')}
    </p>
  );
}

const ERROR_KEYS: Record<string, MessageKey> = {
  not_authenticated: 'error.sessionExpired',
  not_authorised: 'error.notAllowed',
  network_error: 'error.network',
  invalid_response: 'error.invalidResponse',
};

export function ErrorMessage({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const key = ERROR_KEYS[error.code] ?? 'error.generic';
  return (
    <div role="alert" className="error-box">
      <p>{t(key)}</p>
      {onRetry && error.code !== 'not_authenticated' ? (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}
