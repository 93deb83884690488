// Where the route stands with the coach: submit it for approval, withdraw it, or read why it came back.
import { useI18n } from '../../../i18n/i18n-context';
import type { RouteView } from '../api/types';

interface RouteApprovalProps {
  view: RouteView;
  busy: boolean;
  canSubmit: boolean;
  onSubmit: () => void;
  onWithdraw: () => void;
}

export function RouteApproval({ view, busy, canSubmit, onSubmit, onWithdraw }: RouteApprovalProps) {
  const { t } = useI18n();
  const { status, lastReview } = view.route;
  return (
    <div className="route-approval">
      <p>
        <strong>{t('student.approval.status')}</strong> <span className={`route-status status-${status}`}>{t(`student.approval.${status}`)}</span>
      </p>
      {status === 'returned' && lastReview?.comment ? (
        <div className="coach-comment" role="note" aria-label={t('student.approval.coachComment')}>
          <p>
            <strong>{t('student.approval.coachComment')}</strong>
          </p>
          <p>{lastReview.comment}</p>
        </div>
      ) : null}
      {view.level.may.composeRoute && (status === 'draft' || status === 'returned') ? (
        <>
          <button type="button" onClick={onSubmit} disabled={busy || !canSubmit}>
            {t('student.approval.submit')}
          </button>
          {!canSubmit ? <p className="muted">{t('student.approval.fixFirst')}</p> : null}
        </>
      ) : null}
      {status === 'submitted' ? (
        <>
          <p className="muted">{t('student.approval.waiting')}</p>
          <button type="button" className="secondary" onClick={onWithdraw} disabled={busy}>
            {t('student.approval.withdraw')}
          </button>
        </>
      ) : null}
    </div>
  );
}
