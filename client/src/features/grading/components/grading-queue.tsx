// The grading queue: who waits, for what, for how long; filterable by learning outcome.
import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { GradingQueue, QueueItem } from '../api/get-queue';

interface Props {
  queue: UseQueryResult<GradingQueue>;
  nameOf: (id: string) => string;
  selected: string | null;
  onSelect: (attemptId: string) => void;
}

export function GradingQueueView({ queue, nameOf, selected, onSelect }: Props) {
  const { t } = useI18n();
  const [outcomeId, setOutcomeId] = useState('');
  if (queue.isPending) return <Loading />;
  if (queue.isError) return <ErrorMessage error={queue.error} onRetry={() => void queue.refetch()} />;
  const { items, perOutcome } = queue.data;
  const shown = outcomeId ? items.filter((i) => i.outcomeId === outcomeId) : items;
  const longest = Math.max(1, ...shown.map((i) => i.waitingMs));
  const titleOf = (id: string) => perOutcome.find((o) => o.outcomeId === id)?.title ?? id;
  return (
    <div className="card">
      <h3>{t('grading.queue.title')}</h3>
      {perOutcome.length > 1 || outcomeId ? (
        <div className="field">
          <label htmlFor="queue-outcome">{t('grading.queue.filter')}</label>
          <select id="queue-outcome" value={outcomeId} onChange={(e) => setOutcomeId(e.target.value)}>
            <option value="">{t('grading.queue.allOutcomes', { count: items.length })}</option>
            {perOutcome.map((o) => (
              <option key={o.outcomeId} value={o.outcomeId}>
                {t('grading.queue.outcomeOption', { title: o.title, count: o.count })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {shown.length === 0 ? <p className="muted">{t(outcomeId ? 'grading.queue.emptyFiltered' : 'grading.queue.empty')}</p> : null}
      <ul className="plain-list queue-list">
        {shown.map((item) => (
          <QueueRow key={item.evidenceId} item={item} name={nameOf(item.studentId)} outcome={titleOf(item.outcomeId)} share={item.waitingMs / longest} open={selected === item.evidenceId} onSelect={onSelect} />
        ))}
      </ul>
    </div>
  );
}

function QueueRow(props: { item: QueueItem; name: string; outcome: string; share: number; open: boolean; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const { item } = props;
  const action = props.open ? t('grading.queue.selected') : t('grading.queue.open');
  const waiting =
    item.waitingDays === 0 ? t('grading.queue.waitingToday') : item.waitingDays === 1 ? t('grading.queue.waitingOneDay') : t('grading.queue.waitingDays', { days: item.waitingDays });
  return (
    <li className={props.open ? 'queue-item open' : 'queue-item'}>
      <div className="queue-main">
        <strong>{props.name}</strong>
        <span>{props.outcome}</span>
        <span className="muted">
          {t('grading.queue.attempt', { number: item.attemptNumber })} · {t(`grading.status.${item.status}`)}
          {item.priorLearning ? ` · ${t('grading.queue.priorLearning')}` : ''}
        </span>
        <span className="wait-bar" aria-hidden="true">
          <span style={{ width: `${Math.max(4, Math.round(props.share * 100))}%` }} />
        </span>
        <span>{waiting}</span>
      </div>
      <button
        type="button"
        aria-expanded={props.open}
        aria-label={t('grading.queue.openLabel', { action, name: props.name, outcome: props.outcome, number: item.attemptNumber })}
        onClick={() => props.onSelect(item.evidenceId)}
      >
        {action}
      </button>
    </li>
  );
}
