// The playbook as the 3-3-5 grid: environments by forms of learning, each activity marked by its type, with filters.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ACTIVITY_TYPES, ENVIRONMENTS, FORMS, type Activity, type ActivityType, type Environment } from '../api/types';
import { ActivityCard } from './activity-card';
import { useLabels } from './use-labels';

interface PlaybookGridProps {
  activities: Activity[];
  chosen: string[];
  titleOf: (id: string) => string;
  canCompose: boolean;
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
}

export function PlaybookGrid({ activities, chosen, titleOf, canCompose, onAdd, onRemove }: PlaybookGridProps) {
  const { t } = useI18n();
  const labels = useLabels();
  const [type, setType] = useState<ActivityType | ''>('');
  const [environment, setEnvironment] = useState<Environment | ''>('');
  const shown = activities.filter((a) => (!type || a.type === type) && (!environment || a.environment === environment));
  const environments = ENVIRONMENTS.filter((e) => !environment || e === environment);
  return (
    <section aria-labelledby="grid-title" className="student-section">
      <h2 id="grid-title">{t('student.grid.title')}</h2>
      <p className="muted">{t('student.grid.intro')}</p>
      <div className="filters">
        <label>
          <span>{t('student.grid.filterType')}</span>
          <select value={type} onChange={(e) => setType(e.target.value as ActivityType | '')}>
            <option value="">{t('student.grid.all')}</option>
            {ACTIVITY_TYPES.map((v) => (
              <option key={v} value={v}>
                {labels.type(v)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('student.grid.filterEnvironment')}</span>
          <select value={environment} onChange={(e) => setEnvironment(e.target.value as Environment | '')}>
            <option value="">{t('student.grid.all')}</option>
            {ENVIRONMENTS.map((v) => (
              <option key={v} value={v}>
                {labels.environment(v)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" className="muted">
        {t('student.grid.count', { shown: shown.length, total: activities.length })}
      </p>
      {activities.length === 0 ? <p>{t('student.grid.empty')}</p> : null}
      {environments.map((env) => (
        <div key={env} className="grid-environment">
          <h3>{labels.environment(env)}</h3>
          <div className="grid-row">
            {FORMS.map((form) => {
              const cell = shown.filter((a) => a.environment === env && a.form === form);
              return (
                <div key={form} className="grid-cell">
                  <h4>{labels.form(form)}</h4>
                  {cell.length === 0 ? (
                    <p className="muted">{t('student.grid.emptyCell')}</p>
                  ) : (
                    <ul className="activity-list">
                      {cell.map((a) => (
                        <ActivityCard key={a.id} activity={a} titleOf={titleOf} inRoute={chosen.includes(a.id)} canCompose={canCompose} onAdd={onAdd} onRemove={onRemove} />
                      ))}
                    </ul>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
