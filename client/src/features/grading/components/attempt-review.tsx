// One attempt opened for grading: the evidence on one side, the rubric (or the second assessor's decision) on the other.
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useAttemptQuery } from '../api/get-attempt';
import { ClaimDecision } from './claim-decision';
import { EvidenceList } from './evidence-list';
import { formatDate } from '../../../i18n/format-date';
import type { GradeDraft } from './grade-draft';
import type { Notice } from '../../../components/notice';
import { RubricForm } from './rubric-form';

interface Props {
  attemptId: string;
  nameOf: (id: string) => string;
  outcomeTitle: (id: string) => string;
  draft: GradeDraft;
  onDraft: (draft: GradeDraft) => void;
  onClose: () => void;
  onDone: (message: Notice) => void;
}

export function AttemptReview({ attemptId, nameOf, outcomeTitle, draft, onDraft, onClose, onDone }: Props) {
  const { t, language } = useI18n();
  const detail = useAttemptQuery(attemptId);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />;
  const { attempt, outcome, selfAssessment, history, standing, fourEyes } = detail.data;
  const name = nameOf(attempt.studentId);
  const earlier = history.filter((a) => a.id !== attempt.id).length;
  const waitsForAssessor = attempt.status === 'awaiting-second-assessor' || attempt.status === 'disputed';
  return (
    <section className="card review" aria-labelledby="review-title">
      <div className="review-head">
        <h3 id="review-title" tabIndex={-1}>
          {t('grading.review.title', { name, outcome: outcome?.title ?? outcomeTitle(attempt.outcomeId) })}
        </h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('grading.review.close')}
        </button>
      </div>
      <p className="muted">
        {t('grading.review.meta', { number: attempt.number, date: formatDate(language, attempt.submittedAt, 'dateTime') })}
        {earlier > 0 ? ` · ${t('grading.review.earlier', { count: earlier })}` : ''}
        {standing.grade ? ` · ${t('grading.review.standing', { grade: standing.grade.display })}` : ''}
      </p>
      <div className="review-columns">
        <EvidenceList attempt={attempt} />
        {waitsForAssessor ? (
          <ClaimDecision attempt={attempt} fourEyes={fourEyes} nameOf={nameOf} onDone={() => onDone({ key: 'grading.decided', params: { name } })} />
        ) : outcome ? (
          <RubricForm
            attemptId={attempt.id}
            criteria={outcome.rubric.criteria}
            selfAssessment={selfAssessment}
            draft={draft}
            onDraft={onDraft}
            onSaved={() => onDone({ key: 'grading.saved', params: { name } })}
          />
        ) : (
          <p className="error-box">{t('grading.rubric.noOutcome')}</p>
        )}
      </div>
    </section>
  );
}
