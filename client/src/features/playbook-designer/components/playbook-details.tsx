// The playbook's frame: title, description, course start and how much the student decides (self-direction level).
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import type { SelfDirectionLevel } from '../api/types';
import { updateDetails } from '../api/update-details';
import { fromLocalInput, toLocalInput } from './dates';
import { useDesigner } from './designer-context';
import { SaveError, useSaving } from './save-error';
import { SavedNote } from './saved-note';

const LEVELS = [1, 2, 3, 4] as const;

export function PlaybookDetails() {
  const { t } = useI18n();
  const { design, save } = useDesigner();
  const [title, setTitle] = useState(design.title);
  const [description, setDescription] = useState(design.description);
  const [start, setStart] = useState(toLocalInput(design.courseStartDate).slice(0, 10));
  const [level, setLevel] = useState<SelfDirectionLevel>(design.selfDirectionLevel);
  const saving = useSaving();
  const titleMissing = title.trim() === '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (titleMissing) return;
    void saving.run(() =>
      save((revision) => updateDetails(revision, { title: title.trim(), description, selfDirectionLevel: level, courseStartDate: fromLocalInput(start) })),
    );
  }

  return (
    <section id="designer-details" className="card" aria-labelledby="designer-details-title">
      <h3 id="designer-details-title">{t('designer.details.title')}</h3>
      <form onSubmit={submit} className="form-grid" noValidate>
        <label htmlFor="pb-title">{t('designer.details.name')}</label>
        <input
          id="pb-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          aria-invalid={titleMissing}
          aria-describedby={titleMissing ? 'pb-title-error' : undefined}
        />
        {titleMissing ? (
          <p id="pb-title-error" className="field-error">
            {t('designer.validation.required')}
          </p>
        ) : null}
        <label htmlFor="pb-description">{t('designer.details.description')}</label>
        <textarea id="pb-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={5000} />
        <label htmlFor="pb-start">{t('designer.details.courseStart')}</label>
        <input id="pb-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} aria-describedby="pb-start-hint" />
        <p id="pb-start-hint" className="hint">
          {t('designer.details.courseStartHint')}
        </p>
        <fieldset>
          <legend>{t('designer.level.legend')}</legend>
          {LEVELS.map((n) => (
            <div key={n} className="choice">
              <input type="radio" id={`pb-level-${n}`} name="pb-level" checked={level === n} onChange={() => setLevel(n)} />
              <label htmlFor={`pb-level-${n}`}>
                <strong>{t('designer.level.name', { level: n, name: t(`designer.level.${n}`) })}</strong>
                <span className="hint"> — {t(`designer.level.${n}.what`)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={saving.busy}>
          {t('designer.details.save')}
        </button>
        <SaveError error={saving.error} />
        <SavedNote shown={saving.done} />
      </form>
    </section>
  );
}
