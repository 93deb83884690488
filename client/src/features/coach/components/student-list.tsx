// The coach's students as cards: route status, progress bar and level; routes waiting for approval can be shown alone.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import type { CoachStudent } from '../api/get-students';
import { ProgressBar } from '../../../components/progress-bar';

type Filter = 'all' | 'submitted' | 'noRoute';

export function StudentList({ students, onOpen }: { students: CoachStudent[]; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('all');
  if (students.length === 0) return <p className="card">{t('coach.empty')}</p>;
  const matches: Record<Filter, (s: CoachStudent) => boolean> = {
    all: () => true,
    submitted: (s) => s.route?.status === 'submitted',
    noRoute: (s) => !s.route,
  };
  // Routes that wait for the coach come first.
  const shown = students.filter(matches[filter]).sort((a, b) => Number(b.route?.status === 'submitted') - Number(a.route?.status === 'submitted'));
  return (
    <>
      <div className="field inline">
        <label htmlFor="coach-filter">{t('coach.filter')}</label>
        <select id="coach-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {(['all', 'submitted', 'noRoute'] as const).map((f) => (
            <option key={f} value={f}>
              {t(`coach.filter.${f}`, { count: students.filter(matches[f]).length })}
            </option>
          ))}
        </select>
      </div>
      <ul className="student-cards" role="list">
        {shown.map((student) => {
          const name = student.name ?? student.email ?? student.id;
          return (
            <li key={student.id} className={student.route?.status === 'submitted' ? 'student-card waiting' : 'student-card'}>
              <strong>{name}</strong>
              {student.route ? (
                <>
                  <span className={`badge badge-route-${student.route.status}`}>{t(`coach.route.status.${student.route.status}`)}</span>
                  <ProgressBar fraction={student.route.progress.fraction} text={t('coach.progress', { done: student.route.progress.done, total: student.route.progress.total })} label={t('coach.progressLabel', { name })} />
                  <span className="muted">{t('coach.level', { level: student.route.level.effective })}</span>
                </>
              ) : (
                <span className="muted">{student.hasLaunched ? t('coach.route.none') : t('coach.neverLaunched')}</span>
              )}
              <button type="button" onClick={() => onOpen(student.id)} aria-label={t('coach.openLabel', { action: t('coach.open'), name })}>
                {t('coach.open')}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
