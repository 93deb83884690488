// Where each grade is on its way to the LMS gradebook: waiting, sent, or failed with the reason, and a way to send a failed one again.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { getDeliveries, type Delivery } from '../api/get-deliveries';
import { retryDelivery } from '../api/retry-delivery';
import { formatDate } from '../../../i18n/format-date';
import { GradebookCheck } from './gradebook-check';
import type { Notice } from '../../../components/notice';

const POLL_MS = 1500;

export function DeliveryList({ nameOf, refresh }: { nameOf: (id: string) => string; refresh: number }) {
  const { t } = useI18n();
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [retryError, setRetryError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  // A refresh keeps the list on screen: it must not flicker while grades are on their way.
  const load = useCallback(async () => {
    try {
      setDeliveries((await getDeliveries()).deliveries);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, refresh]);

  const inFlight = deliveries?.some((d) => d.state === 'waiting' || d.state === 'sending') ?? false;
  useEffect(() => {
    if (!inFlight) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [inFlight, load]);

  async function retry(delivery: Delivery) {
    setRetryError(null);
    try {
      await retryDelivery(delivery.id);
      setNotice({ key: 'grading.delivery.retried', params: { name: nameOf(delivery.userId) } });
      await load();
    } catch (err) {
      setRetryError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }

  const count = (state: Delivery['state']) => deliveries?.filter((d) => d.state === state).length ?? 0;
  return (
    <>
    <section className="card" aria-labelledby="delivery-title">
      <div className="review-head">
        <h3 id="delivery-title">{t('grading.delivery.title')}</h3>
        <button type="button" className="secondary" onClick={() => void load()}>
          {t('grading.delivery.refresh')}
        </button>
      </div>
      <p className="muted">{t('grading.delivery.intro')}</p>
      {error ? <ErrorMessage error={error} onRetry={() => void load()} /> : null}
      {retryError ? <ErrorMessage error={retryError} /> : null}
      <div aria-live="polite">{notice ? <p className="notice">{t(notice.key, notice.params)}</p> : null}</div>
      {deliveries === null && !error ? <Loading /> : null}
      {deliveries?.length === 0 ? <p className="muted">{t('grading.delivery.empty')}</p> : null}
      {deliveries && deliveries.length > 0 ? (
        <>
          <p>{t('grading.delivery.summary', { sent: count('sent'), waiting: count('waiting') + count('sending'), failed: count('failed') })}</p>
          <ul className="plain-list delivery-list">
            {deliveries.map((d) => (
              <DeliveryRow key={d.id} delivery={d} name={nameOf(d.userId)} onRetry={() => void retry(d)} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
    <GradebookCheck nameOf={nameOf} refresh={refresh} />
    </>
  );
}

function DeliveryRow({ delivery, name, onRetry }: { delivery: Delivery; name: string; onRetry: () => void }) {
  const { t, language } = useI18n();
  const d = delivery;
  return (
    <li className={`delivery state-${d.state}`}>
      <div className="queue-main">
        <strong>{name}</strong>
        <span className={`badge badge-${d.state}`}>{t(`grading.delivery.state.${d.state}`)}</span>
        <span>
          {d.scoreGiven !== undefined && d.scoreMaximum !== undefined
            ? t('grading.delivery.score', { given: d.scoreGiven, max: d.scoreMaximum })
            : t('grading.delivery.progressOnly')}
        </span>
        {d.lineItem.label ? <span className="muted">{t('grading.delivery.column', { label: d.lineItem.label })}</span> : null}
        {d.reason ? <span>{t('grading.delivery.reason', { reason: d.reason })}</span> : null}
        {d.sentAt ? <span className="muted">{t('grading.delivery.sentAt', { date: formatDate(language, d.sentAt, 'dateTime') })}</span> : null}
        {d.attempts > 1 ? <span className="muted">{t('grading.delivery.tries', { count: d.attempts })}</span> : null}
      </div>
      {d.state === 'failed' ? (
        <button type="button" onClick={onRetry} aria-label={t('grading.delivery.retryLabel', { action: t('grading.delivery.retry'), name })}>
          {t('grading.delivery.retry')}
        </button>
      ) : null}
    </li>
  );
}
