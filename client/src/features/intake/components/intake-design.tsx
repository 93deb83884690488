// The teacher adds the intake to the playbook of this placement: the outcomes (with levels) and indicators students
// place themselves on, and an optional short task per outcome. Assistants read it.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../../lib/session-api';
import { useDesignQuery, useSaveDesign, type StaffDesign } from '../api/intake-design-api';

export function IntakeDesign({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const design = useDesignQuery();
  // Here, not in the form: saving raises the version, which starts the form afresh.
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="intake-design-title" className="intake-design">
      <h2 id="intake-design-title">{t('intakeDesign.title')}</h2>
      <p className="muted">{t('intakeDesign.intro')}</p>
      {design.isPending ? <Loading /> : null}
      {design.isError ? <ErrorMessage error={design.error} onRetry={() => void design.refetch()} /> : null}
      {/* Keyed by version: a form started on an older design starts again from the saved one. */}
      {design.isSuccess ? <DesignForm key={design.data.version} design={design.data} canEdit={session.roles.includes('teacher')} saved={saved} onSaved={setSaved} /> : null}
    </section>
  );
}

interface Choice {
  indicatorIds: string[];
  prompt: string;
}

function DesignForm({ design, canEdit, saved, onSaved }: { design: StaffDesign; canEdit: boolean; saved: boolean; onSaved: (saved: boolean) => void }) {
  const { t } = useI18n();
  const save = useSaveDesign();
  const [chosen, setChosen] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(design.outcomes.map((o) => [o.outcomeId, { indicatorIds: o.indicators.map((i) => i.id), prompt: o.diagnosticTask?.prompt ?? '' }])),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSaved(false);
    const outcomes = design.available
      .filter((o) => chosen[o.outcomeId])
      .map((o) => {
        const choice = chosen[o.outcomeId] ?? { indicatorIds: [], prompt: '' };
        const prompt = choice.prompt.trim();
        return { outcomeId: o.outcomeId, indicatorIds: choice.indicatorIds, ...(prompt ? { diagnosticTask: { prompt } } : {}) };
      });
    save.mutate({ version: design.version, outcomes }, { onSuccess: () => onSaved(true) });
  };
  const toggle = (outcomeId: string) => {
    const { [outcomeId]: present, ...rest } = chosen;
    setChosen(present ? rest : { ...chosen, [outcomeId]: { indicatorIds: [], prompt: '' } });
  };

  return (
    <form onSubmit={onSubmit} className="card">
      <p style={{ margin: 0 }}>{t(design.version === 0 ? 'intakeDesign.none' : 'intakeDesign.active', { count: design.outcomes.length })}</p>
      <fieldset disabled={!canEdit}>
        <legend>{t('intakeDesign.outcomes')}</legend>
        {design.available.map((outcome) => {
          const choice = chosen[outcome.outcomeId];
          return (
            <div key={outcome.outcomeId} style={{ margin: '0.5rem 0' }}>
              <label>
                <input type="checkbox" checked={choice !== undefined} disabled={!outcome.hasLevels} onChange={() => toggle(outcome.outcomeId)} /> {outcome.title}
                {outcome.hasLevels ? null : <span className="muted"> {t('intakeDesign.noLevels')}</span>}
              </label>
              {choice ? (
                <div style={{ marginInlineStart: '1.5rem', display: 'grid', gap: '0.25rem' }}>
                  {outcome.indicators.map((indicator) => {
                    const on = choice.indicatorIds.includes(indicator.id);
                    return (
                      <label key={indicator.id}>
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={() =>
                            setChosen({ ...chosen, [outcome.outcomeId]: { ...choice, indicatorIds: on ? choice.indicatorIds.filter((id) => id !== indicator.id) : [...choice.indicatorIds, indicator.id] } })
                          }
                        />{' '}
                        {indicator.text}
                      </label>
                    );
                  })}
                  <label style={{ display: 'grid', gap: '0.25rem' }}>
                    {t('intakeDesign.task', { title: outcome.title })}
                    <textarea rows={2} value={choice.prompt} onChange={(e) => setChosen({ ...chosen, [outcome.outcomeId]: { ...choice, prompt: e.target.value } })} />
                  </label>
                </div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <div aria-live="polite">
        {save.isError && save.error.code === 'version_conflict' ? <p role="alert" className="error-box">{t('intakeDesign.conflict')}</p> : null}
        {save.isError && save.error.code !== 'version_conflict' ? <ErrorMessage error={save.error} /> : null}
        {saved ? <p className="notice">{t('intakeDesign.saved')}</p> : null}
      </div>
      {canEdit ? (
        <p style={{ margin: 0 }}>
          <button type="submit" disabled={save.isPending || Object.keys(chosen).length === 0}>
            {t('intakeDesign.save')}
          </button>
        </p>
      ) : null}
    </form>
  );
}
