// The activities of a route in the student's order, with their status; the student's own activities and proposals marked.
import { useI18n } from '../../../i18n/i18n-context';
import type { StudentRoute } from '../api/get-student-route';

export function RouteActivities({ route, activities }: { route: StudentRoute; activities: { id: string; title: string }[] }) {
  const { t } = useI18n();
  const titleOf = (id: string) => activities.find((a) => a.id === id)?.title ?? route.ownActivities.find((o) => o.id === id)?.title ?? id;
  const ownIds = new Set(route.ownActivities.map((o) => o.id));
  const proposals = route.ownActivities.filter((o) => !route.entries.some((e) => e.activityId === o.id));
  return (
    <div>
      <h4>{t('coach.detail.activities')}</h4>
      {route.entries.length === 0 ? <p className="muted">{t('coach.detail.noActivities')}</p> : null}
      <ol className="coach-route-list">
        {route.entries.map((entry) => (
          <li key={entry.activityId} className={`coach-entry coach-entry-${entry.status}`}>
            <span>{titleOf(entry.activityId)}</span>
            <span className="muted">
              {t(`coach.entry.${entry.status}`)}
              {ownIds.has(entry.activityId) ? ` · ${t('coach.detail.own')}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {proposals.length > 0 ? (
        <ul className="plain-list">
          {proposals.map((p) => (
            <li key={p.id}>
              <span>{p.title}</span>
              <span className="muted">{t(`coach.detail.proposal.${p.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {route.studyPlan.ambition ? (
        <>
          <h4>{t('coach.detail.ambition')}</h4>
          <p>{route.studyPlan.ambition}</p>
        </>
      ) : null}
      {route.learningGoals.length > 0 ? (
        <>
          <h4>{t('coach.detail.goals')}</h4>
          <ul>
            {route.learningGoals.map((g) => (
              <li key={g.id}>{g.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
