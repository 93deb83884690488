// The playbook's learning outcomes: which are published, and the editor for the one the teacher opens.
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { useDesigner } from './designer-context';
import { OutcomeEditor } from './outcome-editor';

/** `null` nothing open, `'new'` a new outcome, otherwise the id of the outcome being edited. */
type Open = null | 'new' | string;

export function OutcomeList() {
  const { t } = useI18n();
  const { design } = useDesigner();
  const [open, setOpen] = useState<Open>(design.outcomes.length === 0 ? 'new' : null);
  const editing = open && open !== 'new' ? design.outcomes.find((o) => o.id === open) : undefined;
  return (
    <section id="designer-outcomes" className="card" aria-labelledby="designer-outcomes-title">
      <h3 id="designer-outcomes-title">{t('designer.outcomes.title')}</h3>
      <p className="hint">{t('designer.outcomes.intro')}</p>
      {design.outcomes.length === 0 ? <p>{t('designer.outcomes.empty')}</p> : null}
      <ul className="plain-list">
        {design.outcomes.map((o) => (
          <li key={o.id}>
            <span>
              <strong>{o.title}</strong>{' '}
              <span className={o.status === 'published' ? 'badge badge-published' : 'badge badge-draft'}>
                {o.status === 'published' ? t('designer.outcomes.published') : t('designer.outcomes.draft')}
              </span>
            </span>
            <button type="button" className="secondary" onClick={() => setOpen(o.id)} aria-expanded={open === o.id}>
              {t('designer.outcomes.edit', { title: o.title })}
            </button>
          </li>
        ))}
      </ul>
      {open !== 'new' ? (
        <button type="button" onClick={() => setOpen('new')}>
          {t('designer.outcomes.add')}
        </button>
      ) : null}
      {open === 'new' ? <OutcomeEditor key="new" onSaved={(id) => setOpen(id)} onClose={() => setOpen(null)} /> : null}
      {editing ? <OutcomeEditor key={editing.id} outcome={editing} onSaved={(id) => setOpen(id)} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
