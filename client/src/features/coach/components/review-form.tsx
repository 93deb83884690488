// Approve a submitted route, or return it with a comment; a comment that fails to send stays in the field.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { approveRoute } from '../api/approve-route';
import type { StudentRoute } from '../api/get-student-route';
import { returnRoute } from '../api/return-route';
import type { Notice } from '../../../components/notice';

interface Props {
  studentId: string;
  name: string;
  route: StudentRoute;
  /** Held by the parent: a refused save reloads the route, and the comment must survive that. */
  comment: string;
  onComment: (comment: string) => void;
  onFailed: (error: ApiError) => void;
  onChanged: (message: Notice) => void;
}

export function ReviewForm({ studentId, name, route, comment, onComment: setComment, onFailed, onChanged }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [needComment, setNeedComment] = useState(false);

  async function run(action: () => Promise<unknown>, message: Notice) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setComment('');
      onChanged(message);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
      setError(apiError);
      onFailed(apiError);
    } finally {
      setBusy(false);
    }
  }

  function sendBack(event: FormEvent) {
    event.preventDefault();
    setNeedComment(!comment.trim());
    if (!comment.trim()) return;
    void run(() => returnRoute(studentId, route.version, comment.trim()), { key: 'coach.review.returned', params: { name } });
  }

  const submitted = route.status === 'submitted';
  return (
    <div className="coach-box">
      <h4>{t('coach.review.title')}</h4>
      {!submitted ? <p className="muted">{t(route.status === 'approved' ? 'coach.review.isApproved' : 'coach.review.notSubmitted')}</p> : null}
      {error && error.status !== 409 ? <ErrorMessage error={error} /> : null}
      <button type="button" disabled={!submitted || busy} onClick={() => void run(() => approveRoute(studentId, route.version), { key: 'coach.review.approved', params: { name } })}>
        {t('coach.review.approve')}
      </button>
      <form onSubmit={sendBack} noValidate className="field">
        <label htmlFor="return-comment">{t('coach.review.returnComment')}</label>
        <textarea
          id="return-comment"
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={needComment}
          aria-describedby={needComment ? 'return-comment-error' : undefined}
          disabled={!submitted}
        />
        {needComment ? (
          <p id="return-comment-error" role="alert" className="field-error">
            {t('coach.review.commentRequired')}
          </p>
        ) : null}
        <button type="submit" className="secondary" disabled={!submitted || busy}>
          {t('coach.review.return')}
        </button>
      </form>
    </div>
  );
}
