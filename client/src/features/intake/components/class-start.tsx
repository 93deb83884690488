// The class's starting position from the intake, for the class overview: per outcome how many students stand at each
// level, as counts only (no names, the API gives none), and how many have not submitted the intake yet.
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../lib/session-api';
import { useClassStartQuery } from '../api/intake-staff-api';

export function ClassStart(_props: { session: SessionView }) {
  const { t } = useI18n();
  const start = useClassStartQuery();
  // A course without an intake has no starting position to show: the overview stays as it was.
  if (start.isError && start.error.code === 'no_intake') return null;
  // Rows per outcome as a whole; the indicators' own counts stay with the intake design.
  const outcomes = start.data?.points.filter((p) => !p.indicatorId) ?? [];
  const columns = Math.max(0, ...outcomes.map((p) => p.levels.length));
  return (
    <section aria-labelledby="class-start-title" className="card class-start">
      <h2 id="class-start-title">{t('intakeStaff.classStart.title')}</h2>
      {start.isPending ? <Loading /> : null}
      {start.isError ? <ErrorMessage error={start.error} onRetry={() => void start.refetch()} /> : null}
      {start.isSuccess ? (
        <>
          <p>{t('intakeStaff.classStart.submitted', { submitted: start.data.submitted, students: start.data.students })}</p>
          {start.data.students > start.data.submitted ? <p>{t('intakeStaff.classStart.notYet', { count: start.data.students - start.data.submitted })}</p> : null}
          <table>
            <caption>{t('intakeStaff.classStart.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('intakeStaff.classStart.outcome')}</th>
                {Array.from({ length: columns }, (_, index) => (
                  <th scope="col" key={index}>
                    {t('intakeStaff.classStart.level', { rank: index + 1 })}
                  </th>
                ))}
                <th scope="col">{t('intakeStaff.classStart.unknown')}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((point) => (
                <tr key={point.outcomeId}>
                  <th scope="row">{point.title}</th>
                  {Array.from({ length: columns }, (_, index) => {
                    const level = point.levels.find((l) => l.rank === index + 1);
                    if (!level) return <td key={index}>–</td>;
                    return (
                      <td key={index}>
                        {t('intakeStaff.classStart.count', { count: point.counts[index] ?? 0, label: level.label })}
                        {level.rank === point.targetRank ? <span className="muted"> {t('intakeStaff.classStart.target')}</span> : null}
                      </td>
                    );
                  })}
                  <td>{point.unknown}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
