// The composed route in order, with buttons to move and remove each activity (keyboard first; focus follows the moved item),
// and a handle to drag an activity to another place with a mouse, pen or finger.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import type { Choosable } from './route-rules';
import { TypeBadge } from './type-badge';
import { usePointerReorder } from '../../../components/use-pointer-reorder';

interface RouteListProps {
  ids: string[];
  catalogue: Map<string, Choosable>;
  editable: boolean;
  onMove: (id: string, by: -1 | 1) => void;
  onMoveTo: (id: string, to: number) => void;
  onRemove: (id: string) => void;
}

export function RouteList({ ids, catalogue, editable, onMove, onMoveTo, onRemove }: RouteListProps) {
  const { t } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const titleOf = (id: string) => catalogue.get(id)?.title ?? id;
  const drag = usePointerReorder<HTMLOListElement>(ids.length, (from, to) => {
    const id = ids[from];
    if (id === undefined) return;
    onMoveTo(id, to);
    setAnnouncement(t('student.route.moved', { title: titleOf(id), position: to + 1 }));
  });
  function move(id: string, by: -1 | 1, index: number) {
    onMove(id, by);
    const position = index + by + 1;
    setAnnouncement(t('student.route.moved', { title: titleOf(id), position }));
    // The item's DOM node moves, which drops focus in some browsers: put it back on the same button.
    const buttonId = `move-${by < 0 ? 'up' : 'down'}-${id}`;
    requestAnimationFrame(() => {
      const button = document.getElementById(buttonId);
      if (button && !(button as HTMLButtonElement).disabled) button.focus();
      else document.getElementById(`move-${by < 0 ? 'down' : 'up'}-${id}`)?.focus();
    });
  }
  if (ids.length === 0) return <p>{t('student.route.empty')}</p>;
  return (
    <>
      {editable && ids.length > 1 ? <p className="muted route-drag-hint">{t('student.route.dragHint')}</p> : null}
      <ol className={`route-list${drag.dragging ? ' is-dragging' : ''}`} ref={drag.listRef}>
        {ids.map((id, index) => {
          const item = catalogue.get(id);
          const title = titleOf(id);
          return (
            <li key={id} className={editable ? drag.itemClass(index) : undefined} data-activity-id={id}>
              {editable && ids.length > 1 ? (
                <span className="drag-handle" aria-hidden="true" title={t('student.route.drag', { title })} {...drag.handleProps(index)}>
                  ⠿
                </span>
              ) : null}
              <span className="route-position" aria-hidden="true">
                {index + 1}
              </span>
              <span className="route-item">
                {item ? <TypeBadge type={item.type} /> : null} <span>{title}</span>
                {item ? <span className="muted"> · {t('student.activity.hours', { hours: item.studyLoadHours })}</span> : null}
              </span>
              {editable ? (
                <span className="route-buttons">
                  <button type="button" id={`move-up-${id}`} className="icon-button" disabled={index === 0} onClick={() => move(id, -1, index)} aria-label={t('student.route.moveUp', { title })}>
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`move-down-${id}`}
                    className="icon-button"
                    disabled={index === ids.length - 1}
                    onClick={() => move(id, 1, index)}
                    aria-label={t('student.route.moveDown', { title })}
                  >
                    ↓
                  </button>
                  <button type="button" className="icon-button secondary" onClick={() => onRemove(id)} aria-label={t('student.route.removeItem', { title })}>
                    ✕
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
