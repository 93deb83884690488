// The periods in which a student may choose to have the outcome assessed.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { setAssessmentWindows } from '../api/set-assessment-windows';
import { fromLocalInput, toLocalInput } from './dates';
import { useDesigner } from './designer-context';
import { SaveError, useSaving } from './save-error';
import { SavedNote } from './saved-note';

interface WindowDraft {
  id?: string;
  from: string;
  until: string;
}

export function AssessmentWindows() {
  const { t } = useI18n();
  const { design, save } = useDesigner();
  const [windows, setWindows] = useState<WindowDraft[]>(() => design.assessmentWindows.map((w) => ({ id: w.id, from: toLocalInput(w.from), until: toLocalInput(w.until) })));
  const [tried, setTried] = useState(false);
  const saving = useSaving();
  const problemOf = (w: WindowDraft) => {
    const from = fromLocalInput(w.from);
    const until = fromLocalInput(w.until);
    if (!from || !until) return 'designer.windows.datesNeeded' as const;
    return from < until ? null : ('designer.windows.untilAfterFrom' as const);
  };
  const invalid = windows.some((w) => problemOf(w) !== null);
  const update = (i: number, change: Partial<WindowDraft>) => setWindows((ws) => ws.map((w, j) => (j === i ? { ...w, ...change } : w)));

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (invalid) return;
    const body = windows.map((w) => ({ ...(w.id ? { id: w.id } : {}), from: fromLocalInput(w.from) ?? '', until: fromLocalInput(w.until) ?? '' }));
    void saving.run(() => save((revision) => setAssessmentWindows(revision, body)));
  }

  return (
    <section id="designer-windows" className="card" aria-labelledby="designer-windows-title">
      <h3 id="designer-windows-title">{t('designer.windows.title')}</h3>
      <p className="hint">{t('designer.windows.intro')}</p>
      <form onSubmit={submit} className="form-grid" noValidate>
        {windows.length === 0 ? <p>{t('designer.windows.empty')}</p> : null}
        {windows.map((w, i) => {
          const problem = tried ? problemOf(w) : null;
          return (
            <fieldset key={w.id ?? `w${i}`} className="sub-card">
              <legend>{t('designer.windows.window', { n: i + 1 })}</legend>
              <div className="row wrap">
                <div className="form-grid">
                  <label htmlFor={`win-${i}-from`}>{t('designer.windows.from')}</label>
                  <input id={`win-${i}-from`} type="datetime-local" value={w.from} onChange={(e) => update(i, { from: e.target.value })} aria-invalid={problem !== null} />
                </div>
                <div className="form-grid">
                  <label htmlFor={`win-${i}-until`}>{t('designer.windows.until')}</label>
                  <input
                    id={`win-${i}-until`}
                    type="datetime-local"
                    value={w.until}
                    onChange={(e) => update(i, { until: e.target.value })}
                    aria-invalid={problem !== null}
                    aria-describedby={problem ? `win-${i}-error` : undefined}
                  />
                </div>
              </div>
              {problem ? (
                <p id={`win-${i}-error`} className="field-error">
                  {t(problem)}
                </p>
              ) : null}
              <button type="button" className="secondary small" onClick={() => setWindows(windows.filter((_, j) => j !== i))}>
                {t('designer.windows.remove', { n: i + 1 })}
              </button>
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setWindows([...windows, { from: '', until: '' }])}>
            {t('designer.windows.add')}
          </button>
          <button type="submit" disabled={saving.busy}>
            {t('designer.windows.save')}
          </button>
        </div>
        <SaveError error={saving.error} />
        <SavedNote shown={saving.done} />
      </form>
    </section>
  );
}
