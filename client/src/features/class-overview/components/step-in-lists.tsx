// Who may need a teacher or coach: stalled students, students who never started, and activities nobody chooses.
import { useI18n } from '../../../i18n/i18n-context';
import { formatDate } from '../../../i18n/format-date';
import type { ClassOverviewData } from '../api/get-overview';
import { studentName } from './student-name';

export function StepInLists({ data }: { data: ClassOverviewData }) {
  const { t, language } = useI18n();
  const unnamed = (id: string) => t('classOverview.unnamed', { id });
  const stalled = data.students.filter((s) => s.stalled);
  const notStarted = data.students.filter((s) => s.neverStarted);
  const neverChosen = data.popularity.filter((p) => data.neverChosen.includes(p.activityId));
  const popular = data.popularity.filter((p) => p.chosenBy > 0).slice(0, 5);
  const date = (iso: string) => formatDate(language, iso);
  return (
    <div className="step-in">
      <section className="card" aria-labelledby="stalled-title">
        <h3 id="stalled-title">{t('classOverview.stalled.title', { days: data.stalledDays })}</h3>
        {stalled.length === 0 ? <p className="muted">{t('classOverview.stalled.none')}</p> : null}
        <ul className="plain-list">
          {stalled.map((s) => (
            <li key={s.id}>
              <span>{studentName(s, unnamed)}</span>
              {s.lastProgressAt ? <span className="muted">{t('classOverview.stalled.since', { date: date(s.lastProgressAt) })}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="not-started-title">
        <h3 id="not-started-title">{t('classOverview.neverStarted.title')}</h3>
        {notStarted.length === 0 ? <p className="muted">{t('classOverview.neverStarted.none')}</p> : null}
        <ul className="plain-list">
          {notStarted.map((s) => (
            <li key={s.id}>
              <span>{studentName(s, unnamed)}</span>
              {!s.hasLaunched ? <span className="muted">{t('classOverview.neverStarted.notLaunched')}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="never-chosen-title">
        <h3 id="never-chosen-title">{t('classOverview.neverChosen.title')}</h3>
        {neverChosen.length === 0 ? <p className="muted">{t('classOverview.neverChosen.none')}</p> : null}
        <ul className="plain-list">
          {neverChosen.map((a) => (
            <li key={a.activityId}>
              <span>{a.title}</span>
              <span className="muted">
                {t(`classOverview.type.${a.type}`)} · {t(`classOverview.env.${a.environment}`)} · {t(`classOverview.form.${a.form}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
      {popular.length > 0 ? (
        <section className="card" aria-labelledby="popular-title">
          <h3 id="popular-title">{t('classOverview.popular.title')}</h3>
          <ul className="plain-list">
            {popular.map((a) => (
              <li key={a.activityId}>
                <span>{a.title}</span>
                <span className="muted">{t('classOverview.popular.chosen', { count: a.chosenBy, done: a.done })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
