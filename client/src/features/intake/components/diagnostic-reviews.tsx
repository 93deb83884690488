// The student's answers to the intake's short tasks, for staff; a teacher reviews each one: the level the answer shows
// (it then counts over the student's own placement on the outcome) and a comment the student reads with their result.
import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../../components/status';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import type { ApiError } from '../../../lib/api-client';
import type { DiagnosticAnswer } from '../api/intake-api';
import { useReviewDiagnostic } from '../api/intake-staff-actions';
import type { StudentIntake } from '../api/intake-staff-api';

type Outcome = StudentIntake['design']['outcomes'][number];

export function DiagnosticReviews({ intake }: { intake: StudentIntake }) {
  const { t } = useI18n();
  const tasks = intake.design.outcomes.filter((o) => o.diagnosticTask);
  if (tasks.length === 0 || !intake.response) return null;
  const response = intake.response;
  return (
    <div className="diagnostic-reviews">
      <h5>{t('intakeStaff.tasks.title')}</h5>
      {tasks.map((outcome) => (
        <Task key={outcome.outcomeId} outcome={outcome} answer={response.diagnostics.find((d) => d.outcomeId === outcome.outcomeId)} intake={intake} />
      ))}
    </div>
  );
}

function Task({ outcome, answer, intake }: { outcome: Outcome; answer: DiagnosticAnswer | undefined; intake: StudentIntake }) {
  const { t, language } = useI18n();
  const label = (rank: number | null) => outcome.levels.find((l) => l.rank === rank)?.label ?? String(rank);
  const review = answer?.review;
  return (
    <div className="card" role="group" aria-label={t('intakeStaff.tasks.group', { title: outcome.title })}>
      <p style={{ margin: 0 }}>
        <strong>{t('intakeStaff.tasks.task', { title: outcome.title, prompt: outcome.diagnosticTask?.prompt ?? '' })}</strong>
      </p>
      {answer ? <blockquote style={{ whiteSpace: 'pre-wrap', margin: '0.5rem 0' }}>{answer.answer}</blockquote> : <p>{t('intakeStaff.tasks.noAnswer')}</p>}
      {answer && review ? (
        <p style={{ margin: 0 }}>
          {t('intakeStaff.tasks.reviewed', { date: formatDate(language, review.at) })}
          {review.rank !== null ? ` ${t('intakeStaff.tasks.level', { label: label(review.rank) })}` : ''}
          {review.comment ? ` ${t('intakeStaff.tasks.comment', { comment: review.comment })}` : ''}
        </p>
      ) : null}
      {answer && !review ? <p className="muted" style={{ margin: 0 }}>{t('intakeStaff.tasks.notReviewed')}</p> : null}
      {answer && intake.can.review && intake.response?.status === 'submitted' ? <ReviewForm outcome={outcome} answer={answer} intake={intake} /> : null}
    </div>
  );
}

function ReviewForm({ outcome, answer, intake }: { outcome: Outcome; answer: DiagnosticAnswer; intake: StudentIntake }) {
  const { t } = useI18n();
  const review = useReviewDiagnostic(intake.student.id);
  const [rank, setRank] = useState<string>(answer.review?.rank ? String(answer.review.rank) : '');
  const [comment, setComment] = useState(answer.review?.comment ?? '');
  const [saved, setSaved] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const version = intake.response?.version ?? 0;
    review.mutate({ outcomeId: outcome.outcomeId, version, comment, ...(rank ? { rank: Number(rank) } : {}) }, { onSuccess: () => setSaved(true) });
  };
  return (
    <form onSubmit={onSubmit} style={{ display: 'grid', gap: '0.5rem', marginTop: '0.5rem' }}>
      <label className="field" style={{ display: 'grid', gap: '0.25rem' }}>
        {t('intakeStaff.review.level', { title: outcome.title })}
        <select value={rank} onChange={(e) => setRank(e.target.value)}>
          <option value="">{t('intakeStaff.review.noLevel')}</option>
          {outcome.levels.map((level) => (
            <option key={level.rank} value={level.rank}>
              {level.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field" style={{ display: 'grid', gap: '0.25rem' }}>
        {t('intakeStaff.review.comment', { title: outcome.title })}
        <textarea rows={2} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <p style={{ margin: 0 }}>
        <button type="submit" disabled={review.isPending}>
          {t('intakeStaff.review.save')}
        </button>
      </p>
      <div aria-live="polite">
        {review.isError ? <ActionError error={review.error} /> : null}
        {saved ? <p className="notice">{t('intakeStaff.review.saved')}</p> : null}
      </div>
    </form>
  );
}

/** A stale version means the student's intake changed meanwhile (reopened, resubmitted): it has been read again. */
export function ActionError({ error }: { error: ApiError }) {
  const { t } = useI18n();
  if (error.code === 'version_conflict' || error.code === 'intake_not_submitted') return <p role="alert" className="error-box">{t('intakeStaff.error.conflict')}</p>;
  return <ErrorMessage error={error} />;
}
