// Students × activity types as a heatmap: a real table (headers for screen readers) whose cells carry colour and the number.
import { useI18n } from '../../../i18n/i18n-context';
import { ACTIVITY_TYPES, type StudentOverview } from '../api/get-overview';
import { ProgressBar } from '../../../components/progress-bar';
import { percent, studentName } from './student-name';

/** Four steps of colour; the number in the cell says the same for those who cannot see the colour. */
export function heatLevel(count: number): 0 | 1 | 2 | 3 {
  return count <= 0 ? 0 : count === 1 ? 1 : count === 2 ? 2 : 3;
}

export function StudentHeatmap({ students }: { students: StudentOverview[] }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="heatmap-title">
      <h3 id="heatmap-title">{t('classOverview.heatmap.title')}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="heatmap-title">
        <table className="heatmap">
          <caption>{t('classOverview.heatmap.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('classOverview.heatmap.student')}</th>
              {ACTIVITY_TYPES.map((type) => (
                <th scope="col" key={type}>
                  {t(`classOverview.type.${type}`)}
                </th>
              ))}
              <th scope="col">{t('classOverview.heatmap.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {students.map((student) => {
              const name = studentName(student, (id) => t('classOverview.unnamed', { id }));
              return (
                <tr key={student.id}>
                  <th scope="row">
                    {name}
                    {student.stalled ? <span className="tag warn">{t('classOverview.flag.stalled')}</span> : null}
                    {student.neverStarted ? <span className="tag">{t('classOverview.flag.notStarted')}</span> : null}
                  </th>
                  {ACTIVITY_TYPES.map((type) => {
                    const count = student.perType?.[type] ?? 0;
                    return (
                      <td key={type} className={`heat heat-${heatLevel(count)}`}>
                        {student.perType ? count : '–'}
                      </td>
                    );
                  })}
                  <td className="progress-cell">
                    {student.progress ? <ProgressBar fraction={student.progress.fraction} text={t('classOverview.progress', { done: student.progress.done, total: student.progress.total, percent: percent(student.progress.fraction) })} label={name} /> : <span className="muted">{t('classOverview.heatmap.noRoute')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Legend />
    </section>
  );
}

function Legend() {
  const { t } = useI18n();
  const steps = [
    { level: 0, label: t('classOverview.heatmap.legend0') },
    { level: 1, label: t('classOverview.heatmap.legend1') },
    { level: 2, label: t('classOverview.heatmap.legend2') },
    { level: 3, label: t('classOverview.heatmap.legend3') },
  ];
  return (
    <div className="legend">
      <span>{t('classOverview.heatmap.legend')}:</span>
      {steps.map((step) => (
        <span key={step.level} className="legend-step">
          <span className={`swatch heat-${step.level}`} aria-hidden="true" />
          {step.label}
        </span>
      ))}
    </div>
  );
}
