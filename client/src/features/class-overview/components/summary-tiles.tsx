// Four numbers a teacher reads first: how many students, how many stalled or not started, and the average progress.
import { useI18n } from '../../../i18n/i18n-context';
import type { ClassOverviewData } from '../api/get-overview';
import { percent } from './student-name';

export function SummaryTiles({ data }: { data: ClassOverviewData }) {
  const { t } = useI18n();
  const withRoute = data.students.filter((s) => s.progress);
  const average = withRoute.length ? withRoute.reduce((sum, s) => sum + (s.progress?.fraction ?? 0), 0) / withRoute.length : 0;
  const tiles = [
    { label: t('classOverview.summary.students'), value: String(data.students.length), tone: '' },
    { label: t('classOverview.summary.stalled'), value: String(data.stalled.length), tone: data.stalled.length ? 'warn' : '' },
    { label: t('classOverview.summary.neverStarted'), value: String(data.neverStarted.length), tone: data.neverStarted.length ? 'warn' : '' },
    { label: t('classOverview.summary.average'), value: `${percent(average)}%`, tone: '' },
  ];
  return (
    <ul className="tiles" role="list">
      {tiles.map((tile) => (
        <li key={tile.label} className={`tile ${tile.tone}`}>
          <span className="tile-value">{tile.value}</span>
          <span className="tile-label">{tile.label}</span>
        </li>
      ))}
    </ul>
  );
}
