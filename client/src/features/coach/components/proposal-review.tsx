// Approve or reject each own activity a student proposed, with an optional comment; a comment that fails to send stays in its field.
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { StudentRoute } from '../api/get-student-route';
import { reviewProposal } from '../api/review-proposal';
import type { Notice } from '../../../components/notice';

interface Props {
  studentId: string;
  route: StudentRoute;
  /** Held by the parent per proposal: a refused save reloads the route, and the comments must survive that. */
  comments: Record<string, string>;
  onComment: (ownActivityId: string, comment: string) => void;
  onFailed: (error: ApiError) => void;
  onChanged: (message: Notice) => void;
}

export function ProposalReview({ studentId, route, comments, onComment, onFailed, onChanged }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const proposed = route.ownActivities.filter((a) => a.status === 'proposed');
  if (proposed.length === 0) return null;

  async function decide(ownActivityId: string, title: string, decision: 'approved' | 'rejected') {
    setBusy(true);
    setError(null);
    try {
      await reviewProposal(studentId, ownActivityId, route.version, decision, (comments[ownActivityId] ?? '').trim());
      onComment(ownActivityId, '');
      onChanged({ key: decision === 'approved' ? 'coach.proposals.approved' : 'coach.proposals.rejected', params: { title } });
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
      setError(apiError);
      onFailed(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="coach-box">
      <h4>{t('coach.proposals.title')}</h4>
      {error && error.status !== 409 ? <ErrorMessage error={error} /> : null}
      {proposed.map((p) => {
        const field = `proposal-comment-${p.id}`;
        return (
          <div key={p.id} className="proposal-review">
            <strong>{p.title}</strong>
            <span className="muted">
              {t('coach.proposals.meta', {
                type: t(`student.type.${p.type}`),
                environment: t(`student.environment.${p.environment}`),
                form: t(`student.form.${p.form}`),
                hours: p.studyLoadHours,
              })}
            </span>
            {p.description ? <p>{p.description}</p> : null}
            <label htmlFor={field}>{t('coach.proposals.comment', { title: p.title })}</label>
            <textarea id={field} rows={2} maxLength={2000} value={comments[p.id] ?? ''} onChange={(e) => onComment(p.id, e.target.value)} />
            <div className="button-row">
              <button type="button" disabled={busy} aria-label={t('coach.proposals.approveLabel', { title: p.title })} onClick={() => void decide(p.id, p.title, 'approved')}>
                {t('coach.proposals.approve')}
              </button>
              <button type="button" className="secondary" disabled={busy} aria-label={t('coach.proposals.rejectLabel', { title: p.title })} onClick={() => void decide(p.id, p.title, 'rejected')}>
                {t('coach.proposals.reject')}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
