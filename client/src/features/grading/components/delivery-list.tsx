// Where each grade is on its way to the LMS gradebook: waiting, sent, or failed with the reason, and a way to send a failed one again.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useDeliveriesQuery, type Delivery } from '../api/get-deliveries';
import { useRetryDeliveryMutation } from '../api/retry-delivery';
import { formatDate } from '../../../i18n/format-date';
import { GradebookCheck } from './gradebook-check';
import type { Notice } from '../../../components/notice';

export function DeliveryList({ nameOf }: { nameOf: (id: string) => string }) {
  const { t } = useI18n();
  // A refetch keeps the list on screen (the query keeps its data): it must not flicker while grades are on their way.
  const query = useDeliveriesQuery();
  const retryMutation = useRetryDeliveryMutation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const deliveries = query.data;
  const load = () => void query.refetch();

  function retry(delivery: Delivery) {
    retryMutation.mutate(delivery.id, {
      onSuccess: () => setNotice({ key: 'grading.delivery.retried', params: { name: nameOf(delivery.userId) } }),
    });
  }

  const count = (state: Delivery['state']) => deliveries?.filter((d) => d.state === state).length ?? 0;
  return (
    <>
    <section className="card" aria-labelledby="delivery-title">
      <div className="review-head">
        <h3 id="delivery-title">{t('grading.delivery.title')}</h3>
        <button type="button" className="secondary" onClick={load}>
          {t('grading.delivery.refresh')}
        </button>
      </div>
      <p className="muted">{t('grading.delivery.intro')}</p>
      {query.isError ? <ErrorMessage error={query.error} onRetry={load} /> : null}
      {retryMutation.isError ? <ErrorMessage error={retryMutation.error} /> : null}
      <div aria-live="polite">{notice ? <p className="notice">{t(notice.key, notice.params)}</p> : null}</div>
      {query.isPending ? <Loading /> : null}
      {deliveries?.length === 0 ? <p className="muted">{t('grading.delivery.empty')}</p> : null}
      {deliveries && deliveries.length > 0 ? (
        <>
          <p>{t('grading.delivery.summary', { sent: count('sent'), waiting: count('waiting') + count('sending'), failed: count('failed') })}</p>
          <ul className="plain-list delivery-list">
            {deliveries.map((d) => (
              <DeliveryRow key={d.id} delivery={d} name={nameOf(d.userId)} onRetry={() => retry(d)} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
    <GradebookCheck nameOf={nameOf} />
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
