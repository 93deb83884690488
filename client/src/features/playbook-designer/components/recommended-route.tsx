// The recommended route: an ordered list the teacher composes and reorders with buttons, Alt+↑/↓ or by dragging a handle
// (mouse, pen or touch), checked against the rules on save.
import { useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { setRecommendedRoute } from '../api/set-recommended-route';
import type { DomainMessage } from '../api/types';
import { ActivityTypeBadge } from './activity-type-badge';
import { useDesigner } from './designer-context';
import { useDomainText } from './domain-text';
import { SaveError, useSaving } from './save-error';
import { SavedNote } from './saved-note';
import { moveItem } from '../../../components/reorder';
import { usePointerReorder } from '../../../components/use-pointer-reorder';

export function RecommendedRoute() {
  const { t } = useI18n();
  const { design, save } = useDesigner();
  const say = useDomainText();
  const [route, setRoute] = useState<string[]>(design.recommendedRoute);
  const [adding, setAdding] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [violations, setViolations] = useState<DomainMessage[] | null>(null);
  const saving = useSaving();
  const items = useRef(new Map<string, HTMLLIElement>());
  const byId = new Map(design.activities.map((a) => [a.id, a]));
  const known = route.filter((id) => byId.has(id));
  const notInRoute = design.activities.filter((a) => !known.includes(a.id));
  const chosen = adding && notInRoute.some((a) => a.id === adding) ? adding : (notInRoute[0]?.id ?? '');
  const hours = known.reduce((sum, id) => sum + (byId.get(id)?.studyLoadHours ?? 0), 0);

  /** Moves the activity at `index` to `target`; focus follows it when moved from the keyboard. */
  function moveTo(index: number, target: number, focus: boolean) {
    const id = known[index];
    if (!id || target < 0 || target >= known.length || target === index) return;
    const next = moveItem(known, index, target);
    setRoute(next);
    setAnnouncement(t('designer.route.moved', { title: byId.get(id)?.title ?? '', position: target + 1, total: next.length }));
    if (focus) requestAnimationFrame(() => items.current.get(id)?.focus());
  }

  const move = (index: number, by: -1 | 1) => moveTo(index, index + by, true);
  const drag = usePointerReorder<HTMLOListElement>(known.length, (from, to) => moveTo(from, to, false));

  function onKey(event: KeyboardEvent<HTMLLIElement>, index: number) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1);
  }

  function submit() {
    void saving.run(async () => {
      const answer = await save((revision) => setRecommendedRoute(revision, known));
      setViolations(answer.check.violations);
    });
  }

  return (
    <section id="designer-route" className="card" aria-labelledby="designer-route-title">
      <h3 id="designer-route-title">{t('designer.route.title')}</h3>
      <p className="hint" id="route-keys">
        {t('designer.route.intro')}
      </p>
      {design.activities.length === 0 ? <p>{t('designer.route.noActivities')}</p> : null}
      {known.length === 0 && design.activities.length > 0 ? <p>{t('designer.route.empty')}</p> : null}
      <ol className={`pd-route${drag.dragging ? ' is-dragging' : ''}`} aria-describedby="route-keys" ref={drag.listRef}>
        {known.map((id, index) => {
          const a = byId.get(id);
          if (!a) return null;
          return (
            <li
              key={id}
              tabIndex={0}
              ref={(el) => {
                if (el) items.current.set(id, el);
                else items.current.delete(id);
              }}
              onKeyDown={(e) => onKey(e, index)}
              aria-label={t('designer.route.item', { position: index + 1, title: a.title })}
              className={`activity-chip pd-edge-${a.type} ${drag.itemClass(index)}`.trim()}
            >
              <span>
                {known.length > 1 ? (
                  <span className="pd-drag-handle" aria-hidden="true" title={t('designer.route.drag', { title: a.title })} {...drag.handleProps(index)}>
                    ⠿
                  </span>
                ) : null}{' '}
                <span className="pd-route-pos">{index + 1}.</span> <ActivityTypeBadge type={a.type} /> {a.title}
              </span>
              <span className="actions">
                <button type="button" className="secondary small" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('designer.route.up', { title: a.title })}>
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => move(index, 1)}
                  disabled={index === known.length - 1}
                  aria-label={t('designer.route.down', { title: a.title })}
                >
                  ↓
                </button>
                <button type="button" className="secondary small" onClick={() => setRoute(known.filter((x) => x !== id))} aria-label={t('designer.route.remove', { title: a.title })}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className="hint">{t('designer.route.load', { hours: Math.round(hours * 10) / 10, count: known.length })}</p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {notInRoute.length > 0 ? (
        <div className="row wrap">
          <label htmlFor="route-add">{t('designer.route.addLabel')}</label>
          <select id="route-add" value={chosen} onChange={(e) => setAdding(e.target.value)}>
            {notInRoute.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
          <button type="button" className="secondary" onClick={() => chosen && setRoute([...known, chosen])}>
            {t('designer.route.add')}
          </button>
          <button type="button" className="secondary" onClick={() => setRoute([...known, ...notInRoute.map((a) => a.id)])}>
            {t('designer.route.addAll')}
          </button>
        </div>
      ) : null}
      <button type="button" onClick={submit} disabled={saving.busy}>
        {t('designer.route.save')}
      </button>
      <SaveError error={saving.error} />
      <SavedNote shown={saving.done} />
      {violations ? (
        violations.length === 0 ? (
          <p className="ok-note">{t('designer.route.followsRules')}</p>
        ) : (
          <div className="warning-box">
            <p>{t('designer.route.breaksRules')}</p>
            <ul>
              {violations.map((v, i) => (
                <li key={i}>{say(v)}</li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </section>
  );
}
