// The 3-3-5 grid: environments × forms of learning, each cell listing its activities by type; add, edit or delete them there.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS, type ActivityType, type Environment, type LearningForm } from '../api/types';
import { ActivityForm } from './activity-form';
import { ActivityTypeBadge } from './activity-type-badge';
import { useDesigner } from './designer-context';
import { useDomainText } from './domain-text';
import { PlaycardView } from './playcard-view';

type Open = { mode: 'new'; environment: Environment; form: LearningForm } | { mode: 'edit'; id: string } | null;

export function ActivityGrid() {
  const { t } = useI18n();
  const { design } = useDesigner();
  const say = useDomainText();
  const [open, setOpen] = useState<Open>(null);
  const [guide, setGuide] = useState<ActivityType>('activation');
  const editing = open?.mode === 'edit' ? design.activities.find((a) => a.id === open.id) : undefined;
  const cellName = (environment: Environment, form: LearningForm) => `${t(`designer.m.environment.${environment}`)} · ${t(`designer.m.form.${form}`)}`;

  return (
    <section id="designer-grid" className="card" aria-labelledby="designer-grid-title">
      <h3 id="designer-grid-title">{t('designer.grid.title')}</h3>
      <p className="hint">{t('designer.grid.intro')}</p>
      <p className="pd-type-legend">
        <span className="hint">{t('designer.grid.legend')}</span>{' '}
        {ACTIVITY_TYPES.map((type) => (
          <ActivityTypeBadge key={type} type={type} />
        ))}
      </p>
      {design.activities.length === 0 ? <p>{t('designer.grid.empty')}</p> : null}
      <div className="grid-335">
        {ENVIRONMENTS.map((environment) =>
          LEARNING_FORMS.map((form) => {
            const here = design.activities.filter((a) => a.environment === environment && a.form === form);
            const id = `cell-${environment}-${form}`;
            return (
              <section key={id} className={`pd-cell env-${environment}`} aria-labelledby={id}>
                <h4 id={id}>{cellName(environment, form)}</h4>
                {here.length === 0 ? <p className="hint">{t('designer.grid.cellEmpty')}</p> : null}
                <ul className="plain-list">
                  {ACTIVITY_TYPES.flatMap((type) => here.filter((a) => a.type === type)).map((a) => (
                    <li key={a.id} className={`activity-chip pd-edge-${a.type}`}>
                      <span>
                        <ActivityTypeBadge type={a.type} /> <span className="pd-activity-title">{a.title}</span>{' '}
                        <span className="hint">{t('designer.grid.hours', { hours: a.studyLoadHours })}</span>
                        {a.schedule.kind === 'synchronous' ? <span className="hint"> · {t('designer.activity.synchronous')}</span> : null}
                      </span>
                      <button type="button" className="secondary small" onClick={() => setOpen({ mode: 'edit', id: a.id })}>
                        {t('designer.grid.edit')}
                        <span className="visually-hidden"> {a.title}</span>
                      </button>
                    </li>
                  ))}
                </ul>
                <button type="button" className="secondary small" onClick={() => setOpen({ mode: 'new', environment, form })}>
                  {t('designer.grid.add')}
                  <span className="visually-hidden"> {t('designer.grid.addIn', { cell: cellName(environment, form) })}</span>
                </button>
              </section>
            );
          }),
        )}
      </div>
      {open?.mode === 'new' ? (
        <ActivityForm
          key={`new-${open.environment}-${open.form}`}
          initial={{ environment: open.environment, form: open.form }}
          onDone={() => setOpen(null)}
        />
      ) : null}
      {editing ? <ActivityForm key={editing.id} activity={editing} onDone={() => setOpen(null)} /> : null}
      <details className="playcards">
        <summary>{t('designer.playcard.all')}</summary>
        <p className="hint">{say(design.playcards.alignmentKey)}</p>
        <label htmlFor="playcard-type">{t('designer.playcard.choose')}</label>
        <select id="playcard-type" value={guide} onChange={(e) => setGuide(ACTIVITY_TYPES.find((x) => x === e.target.value) ?? 'activation')}>
          {ACTIVITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`designer.m.type.${type}`)}
            </option>
          ))}
        </select>
        <PlaycardView type={guide} headingLevel={4} />
      </details>
    </section>
  );
}
