// Per student: the grade Playroute believes is in the LMS gradebook, what the LMS itself says, and a way to send it again.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useGradebookQuery, type GradebookRow } from '../api/get-gradebook';
import { useResendGradeMutation } from '../api/resend-grade';
import type { Notice } from '../../../components/notice';

export function GradebookCheck({ nameOf }: { nameOf: (id: string) => string }) {
  const { t } = useI18n();
  // Each check asks the LMS: only on opening, on the teacher's request, and when a grading invalidates it (grading-home).
  const query = useGradebookQuery();
  const resendMutation = useResendGradeMutation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const rows = query.data;
  const load = () => {
    resendMutation.reset();
    void query.refetch();
  };
  // The newer failure is the one to say: a failed check, or a failed resend.
  const error = resendMutation.isError ? resendMutation.error : query.isError ? query.error : null;

  function resend(row: GradebookRow) {
    resendMutation.mutate(row.id, {
      onSuccess: () => setNotice({ key: 'grading.gradebook.resent', params: { name: nameOf(row.userId) } }),
    });
  }

  return (
    <section className="card" aria-labelledby="gradebook-title">
      <div className="review-head">
        <h3 id="gradebook-title">{t('grading.gradebook.title')}</h3>
        <button type="button" className="secondary" onClick={load} disabled={query.isFetching}>
          {t('grading.gradebook.check')}
        </button>
      </div>
      <p className="muted">{t('grading.gradebook.intro')}</p>
      {error ? <ErrorMessage error={error} onRetry={load} /> : null}
      <div aria-live="polite">{notice ? <p className="notice">{t(notice.key, notice.params)}</p> : null}</div>
      {query.isPending && !error ? <Loading /> : null}
      {rows?.length === 0 ? <p className="muted">{t('grading.gradebook.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <ul className="plain-list delivery-list">
          {rows.map((row) => (
            <GradebookRowView key={row.id} row={row} name={nameOf(row.userId)} onResend={() => resend(row)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function GradebookRowView({ row, name, onResend }: { row: GradebookRow; name: string; onResend: () => void }) {
  const { t } = useI18n();
  const lmsValue = row.lms?.resultScore;
  return (
    <li className={`delivery gradebook-${row.check}`}>
      <div className="queue-main">
        <strong>{name}</strong>
        <span className={`badge badge-${row.check === 'agrees' ? 'sent' : row.check === 'differs' ? 'failed' : 'waiting'}`}>{t(`grading.gradebook.state.${row.check}`)}</span>
        <span>
          {row.believed
            ? t('grading.gradebook.believed', { given: row.believed.scoreGiven, max: row.believed.scoreMaximum })
            : t('grading.gradebook.nothingSent')}
        </span>
        {row.check !== 'unchecked' ? (
          <span>
            {lmsValue === undefined
              ? t('grading.gradebook.lmsEmpty')
              : t('grading.gradebook.lms', { given: lmsValue, max: row.lms?.resultMaximum ?? row.believed?.scoreMaximum ?? '?' })}
          </span>
        ) : null}
        {row.pending ? <span className="muted">{t('grading.gradebook.pending', { given: row.pending.scoreGiven, max: row.pending.scoreMaximum })}</span> : null}
        {row.lineItem.label ? <span className="muted">{t('grading.delivery.column', { label: row.lineItem.label })}</span> : null}
        {row.reason ? <span>{t('grading.delivery.reason', { reason: row.reason })}</span> : null}
      </div>
      {row.check !== 'agrees' ? (
        <button type="button" onClick={onResend} aria-label={t('grading.delivery.retryLabel', { action: t('grading.gradebook.resend'), name })}>
          {t('grading.gradebook.resend')}
        </button>
      ) : null}
    </li>
  );
}
