// The class at a glance for teachers and coaches: numbers on top, the students × activity-type heatmap, the grid, and who needs a nudge.
import { useState } from 'react';
import type { SessionView } from '../../../app/session-api';
import { useApi } from '../../../app/use-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { getClassOverview } from '../api/get-overview';
import { ClassGrid } from './class-grid';
import { StudentHeatmap } from './student-heatmap';
import { StepInLists } from './step-in-lists';
import { SummaryTiles } from './summary-tiles';

const STALL_CHOICES = [3, 7, 14, 30];

export function ClassOverview(_props: { session: SessionView }) {
  const { t } = useI18n();
  const [stalledDays, setStalledDays] = useState(7);
  const overview = useApi(() => getClassOverview(stalledDays), [stalledDays]);
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
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'error' ? <ErrorMessage error={overview.error} onRetry={overview.reload} /> : null}
      {overview.status === 'ready' ? (
        overview.data.students.length === 0 ? (
          <p className="card">{t('classOverview.empty')}</p>
        ) : (
          <>
            <SummaryTiles data={overview.data} />
            <StudentHeatmap students={overview.data.students} />
            <StepInLists data={overview.data} />
            <ClassGrid data={overview.data} />
          </>
        )
      ) : null}
    </section>
  );
}
