// One activity of the playbook: type, title and load at a glance, its details behind a native, keyboard-accessible disclosure.
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import { safeHref } from '../../../lib/safe-href';
import type { Activity } from '../api/types';
import { TypeBadge } from './type-badge';

interface ActivityCardProps {
  activity: Activity;
  titleOf: (id: string) => string;
  inRoute: boolean;
  canCompose: boolean;
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
}

export function ActivityCard({ activity, titleOf, inRoute, canCompose, onAdd, onRemove }: ActivityCardProps) {
  const { t, language } = useI18n();
  return (
    <li className={`activity-card type-edge-${activity.type}${inRoute ? ' in-route' : ''}`}>
      <TypeBadge type={activity.type} />
      <span className="activity-title">{activity.title}</span>
      <span className="muted">
        {t('student.activity.hours', { hours: activity.studyLoadHours })}
        {activity.schedule.kind === 'synchronous' ? ` · ${t('student.activity.synchronous')}` : ''}
        {inRoute ? ` · ${t('student.activity.inRoute')}` : ''}
      </span>
      <details>
        <summary>{t('student.activity.details', { title: activity.title })}</summary>
        {activity.description ? <p>{activity.description}</p> : null}
        {activity.links.length > 0 ? (
          <ul>
            {activity.links.map((link) => (
              <li key={link.url}>
                <a href={safeHref(link.url)} target="_blank" rel="noreferrer">
                  {link.title || link.url}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {activity.schedule.kind === 'synchronous' ? (
          <ul>
            {activity.schedule.sessions.map((s) => (
              <li key={s.id}>{t('student.activity.session', { when: formatDate(language, s.startsAt, 'dateTime'), place: s.place, capacity: s.capacity })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('student.activity.asynchronous')}</p>
        )}
        {activity.prerequisiteIds.length > 0 ? <p>{t('student.activity.prerequisites', { titles: activity.prerequisiteIds.map(titleOf).join(', ') })}</p> : null}
      </details>
      {canCompose ? (
        inRoute ? (
          <button type="button" className="secondary" onClick={() => onRemove(activity.id)}>
            {t('student.activity.remove', { title: activity.title })}
          </button>
        ) : (
          <button type="button" onClick={() => onAdd(activity.id)}>
            {t('student.activity.add', { title: activity.title })}
          </button>
        )
      ) : null}
    </li>
  );
}
