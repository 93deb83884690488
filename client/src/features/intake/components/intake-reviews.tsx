// The teacher's review of the student's answers to the intake's short tasks, with their result: the level the answer
// shows (it then counts for "where you stand") and the comment; or that the review is still to come.
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import type { DiagnosticAnswer, Intake } from '../api/intake-api';

export function IntakeReviews({ intake }: { intake: Intake }) {
  const { t } = useI18n();
  const tasks = intake.design.outcomes.filter((o) => o.diagnosticTask);
  if (tasks.length === 0) return null;
  return (
    <section aria-labelledby="intake-reviews-title">
      <h3 id="intake-reviews-title">{t('intake.reviews.title')}</h3>
      {tasks.map((outcome) => {
        const answer = intake.response?.diagnostics.find((d) => d.outcomeId === outcome.outcomeId);
        return (
          <div key={outcome.outcomeId} className="card" role="group" aria-label={outcome.title}>
            <p style={{ margin: 0 }}>
              <strong>{t('intake.task', { prompt: outcome.diagnosticTask?.prompt ?? '' })}</strong>
            </p>
            {answer ? <Review answer={answer} levels={outcome.levels} /> : <p>{t('intake.reviews.noAnswer')}</p>}
          </div>
        );
      })}
    </section>
  );
}

/** One answer and its review; also shown under the task when a reopened intake keeps a review of an unchanged answer. */
export function Review({ answer, levels, withAnswer = true }: { answer: DiagnosticAnswer; levels: { rank: number; label: string }[]; withAnswer?: boolean }) {
  const { t, language } = useI18n();
  const review = answer.review;
  return (
    <>
      {withAnswer ? <p style={{ whiteSpace: 'pre-wrap' }}>{t('intake.reviews.answer', { answer: answer.answer })}</p> : null}
      {review ? (
        <p style={{ margin: 0 }}>
          {t('intake.reviews.by', { date: formatDate(language, review.at) })}
          {review.rank !== null ? ` ${t('intake.reviews.level', { label: levels.find((l) => l.rank === review.rank)?.label ?? String(review.rank) })}` : ''}
          {review.comment ? ` ${t('intake.reviews.comment', { comment: review.comment })}` : ''}
        </p>
      ) : (
        <p className="muted" style={{ margin: 0 }}>
          {t('intake.reviews.waiting')}
        </p>
      )}
    </>
  );
}
