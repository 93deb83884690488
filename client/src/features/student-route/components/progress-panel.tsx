// Following the route: a progress bar and, per activity, its status.
import { useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { markProgress } from '../api/mark-progress';
import type { EntryStatus, RouteView } from '../api/types';
import type { Choosable } from './route-rules';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';
import { TypeBadge } from './type-badge';

const STATUSES: EntryStatus[] = ['planned', 'in_progress', 'done', 'skipped'];

export function ProgressPanel({ view, onView, catalogue }: { view: RouteView; onView: (v: RouteView) => void; catalogue: Map<string, Choosable> }) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { progress } = view;
  async function mark(activityId: string, status: EntryStatus) {
    setBusy(activityId);
    setError(null);
    try {
      onView(await markProgress(activityId, status));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(null);
    }
  }
  const percent = Math.round(progress.fraction * 100);
  return (
    <section aria-labelledby="progress-title" className="student-section">
      <h2 id="progress-title">{t('student.progress.title')}</h2>
      <label htmlFor="route-progress">{t('student.progress.summary', { done: progress.done, total: progress.total, hours: progress.studyLoadDoneHours, totalHours: progress.studyLoadTotalHours })}</label>
      <progress id="route-progress" className="route-progress" max={100} value={percent}>
        {percent}%
      </progress>
      {error ? <StudentError error={error} /> : null}
      {view.route.entries.length === 0 ? <p>{t('student.progress.empty')}</p> : null}
      <ul className="plain-list progress-list">
        {view.route.entries.map((entry) => {
          const item = catalogue.get(entry.activityId);
          const title = item?.title ?? entry.activityId;
          return (
            <li key={entry.activityId}>
              <span>
                {item ? <TypeBadge type={item.type} /> : null} {title}
              </span>
              <label>
                <span className="visually-hidden">{t('student.progress.statusOf', { title })}</span>
                <select value={entry.status} disabled={busy === entry.activityId} onChange={(e) => void mark(entry.activityId, e.target.value as EntryStatus)}>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`student.progress.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
