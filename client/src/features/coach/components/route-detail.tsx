// One student's route for the coach: the activities in order with their progress, the plan, and the review and level forms.
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDate } from '../../../i18n/format-date';
import type { Language } from '../../../i18n/translate';
import { usePublishedActivitiesQuery } from '../api/get-activities';
import { useStudentRouteQuery, type OpenRoute } from '../api/get-student-route';
import { LevelForm } from './level-form';
import type { Notice } from '../../../components/notice';
import { ProgressBar } from '../../../components/progress-bar';
import { ProposalReview } from './proposal-review';
import { ReviewForm } from './review-form';
import { RouteActivities } from './route-activities';
import { RouteHistory } from './route-history';

interface Props {
  studentId: string;
  fallbackName: string;
  onClose: () => void;
  onChanged: (message: Notice) => void;
  /** What other features show about this student (the intake), composed by the app layer. */
  renderExtra?: (studentId: string) => ReactNode;
}

export function RouteDetail({ studentId, fallbackName, onClose, onChanged, renderExtra }: Props) {
  const { t, language } = useI18n();
  const view = useStudentRouteQuery(studentId);
  const catalogue = usePublishedActivitiesQuery();
  const reload = () => void view.refetch();
  const [conflict, setConflict] = useState(false);
  const [comment, setComment] = useState('');
  const [proposalComments, setProposalComments] = useState<Record<string, string>>({});
  const name = view.data?.student.name ?? fallbackName;

  /** A refused change (someone changed the route meanwhile) reloads the route, so the next try uses the current version. */
  function failed(error: ApiError) {
    if (error.status === 409) {
      setConflict(true);
      reload();
    }
  }
  function changed(message: Notice) {
    setConflict(false);
    reload();
    onChanged(message);
  }

  return (
    <section className="card route-detail" aria-labelledby="route-detail-title">
      <div className="review-head">
        <h3 id="route-detail-title">{t('coach.detail.title', { name })}</h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('coach.detail.close')}
        </button>
      </div>
      {conflict ? (
        <p role="alert" className="error-box">
          {t('coach.conflict')}
        </p>
      ) : null}
      {view.isPending ? <Loading /> : null}
      {view.isError ? <ErrorMessage error={view.error} onRetry={reload} /> : null}
      {view.isSuccess && view.data.route === null ? <p>{t('coach.detail.noRoute')}</p> : null}
      {view.isSuccess && view.data.route !== null ? (
        <Opened
          // A fresh read starts the forms over from the route as it now is, as a reload did before the cache.
          key={view.dataUpdatedAt}
          open={view.data as OpenRoute}
          name={name}
          studentId={studentId}
          activities={catalogue.data?.activities ?? []}
          language={language}
          comment={comment}
          onComment={setComment}
          proposalComments={proposalComments}
          onProposalComment={(id, text) => setProposalComments((all) => ({ ...all, [id]: text }))}
          onFailed={failed}
          onChanged={changed}
        />
      ) : null}
      {view.isSuccess && view.data.route !== null ? (
        <RouteHistory studentId={studentId} name={name} titleOf={(id) => catalogue.data?.activities.find((a) => a.id === id)?.title ?? id} />
      ) : null}
      {renderExtra?.(studentId)}
    </section>
  );
}

function Opened(props: {
  open: OpenRoute;
  name: string;
  studentId: string;
  activities: { id: string; title: string; type: string }[];
  language: Language;
  comment: string;
  onComment: (comment: string) => void;
  proposalComments: Record<string, string>;
  onProposalComment: (ownActivityId: string, comment: string) => void;
  onFailed: (error: ApiError) => void;
  onChanged: (message: Notice) => void;
}) {
  const { t } = useI18n();
  const { route, level, progress } = props.open;
  const review = route.lastReview;
  return (
    <>
      <p>
        <span className={`badge badge-route-${route.status}`}>{t(`coach.route.status.${route.status}`)}</span>{' '}
        <span className="muted">{t('coach.level.current', { level: level.effective })}</span>
      </p>
      <ProgressBar fraction={progress.fraction} text={t('coach.progress', { done: progress.done, total: progress.total })} label={t('coach.progressLabel', { name: props.name })} />
      {review ? (
        <p className="muted">
          {t('coach.detail.lastReview', {
            decision: t(`coach.route.status.${review.decision}`),
            date: formatDate(props.language, review.at),
          })}
          {review.comment ? ` ${t('coach.detail.lastReviewComment', { comment: review.comment })}` : ''}
        </p>
      ) : null}
      <div className="review-columns">
        <RouteActivities route={route} activities={props.activities} />
        <div className="coach-actions">
          <ProposalReview
            studentId={props.studentId}
            route={route}
            comments={props.proposalComments}
            onComment={props.onProposalComment}
            onFailed={props.onFailed}
            onChanged={props.onChanged}
          />
          <ReviewForm studentId={props.studentId} name={props.name} route={route} comment={props.comment} onComment={props.onComment} onFailed={props.onFailed} onChanged={props.onChanged} />
          <LevelForm studentId={props.studentId} name={props.name} version={route.version} level={level} onFailed={props.onFailed} onChanged={props.onChanged} />
        </div>
      </div>
    </>
  );
}
