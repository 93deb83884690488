// The class at a glance for teachers and coaches: numbers on top, the students × activity-type heatmap, the grid, and who needs a nudge.
import { useState, type ReactNode } from 'react';
import type { SessionView } from '../../../lib/session-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useClassOverviewQuery } from '../api/get-overview';
import { ClassGrid } from './class-grid';
import { CoachAssignments } from './coach-assignments';
import { ReviewQueue } from './review-queue';
import { StudentHeatmap } from './student-heatmap';
import { StepInLists } from './step-in-lists';
import { SummaryTiles } from './summary-tiles';

const STALL_CHOICES = [3, 7, 14, 30];

export interface ReviewProps {
  studentId: string;
  name: string;
  onClose: () => void;
  /** After an approval or return: the overview reads the class again. */
  onChanged: () => void;
}

interface Props {
  session: SessionView;
  /** Only a teacher assigns coaches. */
  canAssignCoaches?: boolean;
  /** The route review, composed in by the app (features do not import each other): the coach's own review form. */
  renderReview?: (props: ReviewProps) => ReactNode;
}

export function ClassOverview({ canAssignCoaches = false, renderReview }: Props) {
  const { t } = useI18n();
  const [stalledDays, setStalledDays] = useState(7);
  const overview = useClassOverviewQuery(stalledDays);
  const reload = () => void overview.refetch();
  const [reviewing, setReviewing] = useState<{ id: string; name: string } | null>(null);
  return (
    <section aria-labelledby="class-title" className="class-overview">
      <h2 id="class-title">{t('classOverview.title')}</h2>
      <p className="muted">{t('classOverview.intro')}</p>
      <div className="field inline">
        <label htmlFor="stalled-days">{t('classOverview.stalledDays')}</label>
        <select id="stalled-days" value={stalledDays} onChange={(e) => setStalledDays(Number(e.target.value))}>
          {STALL_CHOICES.map((days) => (
            <option key={days} value={days}>
              {t('classOverview.days', { days })}
            </option>
          ))}
        </select>
      </div>
      {/* Outside the overview's own states, so reading the class again after a decision does not close the review. */}
      {reviewing && renderReview
        ? renderReview({ studentId: reviewing.id, name: reviewing.name, onClose: () => setReviewing(null), onChanged: reload })
        : null}
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? <ErrorMessage error={overview.error} onRetry={reload} /> : null}
      {overview.isSuccess ? (
        overview.data.students.length === 0 ? (
          <p className="card">{t('classOverview.empty')}</p>
        ) : (
          <>
            <SummaryTiles data={overview.data} />
            {renderReview ? <ReviewQueue students={overview.data.students} onOpen={setReviewing} /> : null}
            <StudentHeatmap students={overview.data.students} />
            <StepInLists data={overview.data} />
            <ClassGrid data={overview.data} />
          </>
        )
      ) : null}
      {canAssignCoaches ? <CoachAssignments /> : null}
    </section>
  );
}
