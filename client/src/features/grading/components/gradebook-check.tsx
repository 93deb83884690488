// Per student: the grade Playroute believes is in the LMS gradebook, what the LMS itself says, and a way to send it again.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { getGradebook, type GradebookRow } from '../api/get-gradebook';
import { resendGrade } from '../api/resend-grade';
import type { Notice } from '../../../components/notice';

export function GradebookCheck({ nameOf, refresh }: { nameOf: (id: string) => string; refresh: number }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<GradebookRow[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [checking, setChecking] = useState(false);

  // Each check asks the LMS: only on opening, on the teacher's request, and after a resend.
  const load = useCallback(async () => {
    setChecking(true);
    try {
      setRows((await getGradebook()).rows);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    } finally {
      setChecking(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load, refresh]);

  async function resend(row: GradebookRow) {
    setError(null);
    try {
      await resendGrade(row.id);
      setNotice({ key: 'grading.gradebook.resent', params: { name: nameOf(row.userId) } });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }

  return (
    <section className="card" aria-labelledby="gradebook-title">
      <div className="review-head">
        <h3 id="gradebook-title">{t('grading.gradebook.title')}</h3>
        <button type="button" className="secondary" onClick={() => void load()} disabled={checking}>
          {t('grading.gradebook.check')}
        </button>
      </div>
      <p className="muted">{t('grading.gradebook.intro')}</p>
      {error ? <ErrorMessage error={error} onRetry={() => void load()} /> : null}
      <div aria-live="polite">{notice ? <p className="notice">{t(notice.key, notice.params)}</p> : null}</div>
      {rows === null && !error ? <Loading /> : null}
      {rows?.length === 0 ? <p className="muted">{t('grading.gradebook.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <ul className="plain-list delivery-list">
          {rows.map((row) => (
            <GradebookRowView key={row.id} row={row} name={nameOf(row.userId)} onResend={() => void resend(row)} />
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
