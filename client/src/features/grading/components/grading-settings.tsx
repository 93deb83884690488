// The grading settings of this placement, per learning outcome: opened from the grading desk; assistants read, teachers change.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useGradingSettingsQuery } from '../api/get-grading-settings';
import { OutcomeSettingsForm } from './outcome-settings-form';

export function GradingSettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const settings = useGradingSettingsQuery(open);

  return (
    <section className="card" aria-labelledby="grading-settings-title">
      <h3 id="grading-settings-title">{t('grading.settings.title')}</h3>
      <button type="button" className="secondary" aria-expanded={open} aria-controls="grading-settings-body" onClick={() => setOpen((o) => !o)}>
        {open ? t('grading.settings.hide') : t('grading.settings.show')}
      </button>
      {open ? (
        <div id="grading-settings-body">
          <p className="hint">{canEdit ? t('grading.settings.intro') : t('grading.settings.readOnly')}</p>
          {settings.isError ? <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} /> : null}
          {settings.isPending ? <Loading /> : null}
          {settings.data?.outcomes.length === 0 ? <p>{t('grading.settings.noOutcomes')}</p> : null}
          {settings.data?.outcomes.map((o) => <OutcomeSettingsForm key={o.outcomeId} settings={o} canEdit={canEdit} />)}
        </div>
      ) : null}
    </section>
  );
}
