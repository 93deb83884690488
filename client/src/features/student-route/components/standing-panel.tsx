// Feedback and grade: per outcome the teacher's judgement per criterion and comment, and the final standing.
import { Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useStandingQuery } from '../api/get-standing';
import { useAttemptsQuery } from '../api/list-attempts';
import type { PublishedOutcome } from '../api/types';
import { StudentError } from './student-error';

export function StandingPanel({ outcomes, version }: { outcomes: PublishedOutcome[]; version: number }) {
  const { t } = useI18n();
  const standing = useStandingQuery(version);
  const attempts = useAttemptsQuery(version);
  return (
    <section aria-labelledby="standing-title" className="student-section">
      <h2 id="standing-title">{t('student.standing.title')}</h2>
      {standing.isPending || attempts.isPending ? <Loading /> : null}
      {standing.isError ? <StudentError error={standing.error} onRetry={() => void standing.refetch()} /> : null}
      {attempts.isError ? <StudentError error={attempts.error} onRetry={() => void attempts.refetch()} /> : null}
      {standing.isSuccess && attempts.isSuccess ? (
        <>
          {outcomes.map((outcome) => {
            const own = standing.data.outcomes.find((o) => o.outcomeId === outcome.id);
            const graded = attempts.data.attempts.filter((a) => a.outcomeId === outcome.id && a.feedback);
            const latest = graded[graded.length - 1];
            return (
              <article key={outcome.id} className="card">
                <h3>{outcome.title}</h3>
                {own?.grade ? (
                  <p>
                    {t('student.standing.grade', { grade: own.grade.display })} · {own.grade.passed ? t('student.standing.passed') : t('student.standing.notPassed')}
                  </p>
                ) : (
                  <p className="muted">{t('student.standing.notGraded')}</p>
                )}
                {latest?.feedback ? (
                  <>
                    <ul>
                      {latest.feedback.judgements.map((j) => {
                        const criterion = outcome.rubric.criteria.find((c) => c.id === j.criterionId);
                        const level = criterion?.levels.find((l) => l.id === j.levelId);
                        return (
                          <li key={j.criterionId}>
                            <strong>{criterion?.title ?? j.criterionId}:</strong> {level?.label ?? j.levelId}
                            {j.comment ? ` — ${j.comment}` : ''}
                          </li>
                        );
                      })}
                    </ul>
                    {latest.feedback.comment ? <p>{t('student.standing.comment', { comment: latest.feedback.comment })}</p> : null}
                  </>
                ) : null}
              </article>
            );
          })}
          <p>
            <strong>{t('student.standing.final')}</strong>{' '}
            {standing.data.finalGrade ? `${standing.data.finalGrade.display} · ${standing.data.finalGrade.passed ? t('student.standing.passed') : t('student.standing.notPassed')}` : t('student.standing.incomplete')}
          </p>
        </>
      ) : null}
    </section>
  );
}
