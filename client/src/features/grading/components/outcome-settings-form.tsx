// How one learning outcome is graded: the grade scale, the scoring rule over the rubric, the mastery method over attempts, four eyes.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import type { GradeScaleSetting, MasterySetting, OutcomeSettings, ScoringRuleSetting } from '../api/get-grading-settings';
import { useSaveOutcomeSettings, type OutcomeSettingsBody } from '../api/save-outcome-settings';
import { ErrorMessage } from '../../../components/status';

const SCALES = ['ten-point', 'ovg', 'pass-fail', 'points'] as const;
const RULES = ['non-compensatory', 'compensatory'] as const;
const MASTERY = ['most-recent', 'highest', 'decaying-average', 'n-times'] as const;

/** Defaults when the teacher switches to a kind: the values the server's defaults and the Dutch custom suggest. */
const scaleOf = (kind: GradeScaleSetting['kind'], current: GradeScaleSetting): GradeScaleSetting =>
  kind === current.kind ? current : kind === 'ten-point' ? { kind, mapping: { kind: 'linear' }, passMark: 5.5 } : kind === 'ovg' ? { kind, goodFrom: 0.75 } : { kind };
const ruleOf = (kind: ScoringRuleSetting['kind']): ScoringRuleSetting => (kind === 'compensatory' ? { kind, passFraction: 0.55 } : { kind });
const masteryOf = (kind: MasterySetting['kind']): MasterySetting =>
  kind === 'decaying-average' ? { kind, latestWeight: 0.65, masteryFraction: 0.55 } : kind === 'n-times' ? { kind, n: 2 } : { kind };

/** Only the fields of each kind go to the server, which checks them strictly. */
function bodyOf(s: OutcomeSettings): OutcomeSettingsBody {
  const { scale, scoringRule, mastery } = s;
  return {
    scale:
      scale.kind === 'ten-point'
        ? { kind: 'ten-point', mapping: scale.mapping ?? { kind: 'linear' }, ...(scale.passMark !== undefined ? { passMark: scale.passMark } : {}) }
        : scale.kind === 'ovg'
          ? { kind: 'ovg', goodFrom: scale.goodFrom ?? 0.75 }
          : scale.kind === 'points'
            ? { kind: 'points', ...(scale.maximum !== undefined ? { maximum: scale.maximum } : {}), ...(scale.decimals !== undefined ? { decimals: scale.decimals } : {}) }
            : { kind: 'pass-fail' },
    scoringRule: scoringRule.kind === 'compensatory' ? { kind: 'compensatory', passFraction: scoringRule.passFraction ?? 0.55 } : scoringRule,
    mastery:
      mastery.kind === 'decaying-average'
        ? { kind: mastery.kind, latestWeight: mastery.latestWeight ?? 0.65, masteryFraction: mastery.masteryFraction ?? 0.55 }
        : mastery.kind === 'n-times'
          ? { kind: mastery.kind, n: mastery.n ?? 2 }
          : { kind: mastery.kind },
    priorLearningFourEyes: s.priorLearningFourEyes,
  };
}

const percent = (f: number | undefined) => (f === undefined ? '' : String(Math.round(f * 1000) / 10));
const fromPercent = (value: string) => Number(value) / 100;

export function OutcomeSettingsForm({ settings, canEdit }: { settings: OutcomeSettings; canEdit: boolean }) {
  const { t } = useI18n();
  const [form, setForm] = useState(settings);
  const [saved, setSaved] = useState(false);
  const saving = useSaveOutcomeSettings();
  const p = `gs-${settings.outcomeId}`;
  const change = (next: Partial<OutcomeSettings>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...next }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    saving.mutate({ outcomeId: settings.outcomeId, body: bodyOf(form) }, { onSuccess: () => setSaved(true) });
  }

  const number = (id: string, label: string, value: string, onChange: (v: string) => void, props: { min: number; max?: number; step: number }) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" value={value} required onChange={(e) => onChange(e.target.value)} {...props} />
    </div>
  );

  return (
    <form className="sub-card form-grid" onSubmit={submit} aria-labelledby={`${p}-title`}>
      <h4 id={`${p}-title`}>{settings.title}</h4>
      <fieldset disabled={!canEdit || saving.isPending}>
        <div className="field">
          <label htmlFor={`${p}-scale`}>{t('grading.settings.scale')}</label>
          <select id={`${p}-scale`} value={form.scale.kind} onChange={(e) => change({ scale: scaleOf(e.target.value as GradeScaleSetting['kind'], form.scale) })}>
            {SCALES.map((k) => (
              <option key={k} value={k}>
                {t(`grading.settings.scale.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {form.scale.kind === 'ten-point'
          ? number(`${p}-passmark`, t('grading.settings.passMark'), String(form.scale.passMark ?? 5.5), (v) => change({ scale: { ...form.scale, passMark: Number(v) } }), { min: 1, max: 10, step: 0.1 })
          : null}
        {form.scale.kind === 'ovg'
          ? number(`${p}-good`, t('grading.settings.goodFrom'), percent(form.scale.goodFrom), (v) => change({ scale: { ...form.scale, goodFrom: fromPercent(v) } }), { min: 0, max: 100, step: 1 })
          : null}

        <div className="field">
          <label htmlFor={`${p}-rule`}>{t('grading.settings.scoringRule')}</label>
          <select id={`${p}-rule`} value={form.scoringRule.kind} onChange={(e) => change({ scoringRule: ruleOf(e.target.value as ScoringRuleSetting['kind']) })}>
            {RULES.map((k) => (
              <option key={k} value={k}>
                {t(`grading.settings.rule.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {form.scoringRule.kind === 'compensatory'
          ? number(`${p}-pass`, t('grading.settings.passPercent'), percent(form.scoringRule.passFraction), (v) => change({ scoringRule: { kind: 'compensatory', passFraction: fromPercent(v) } }), { min: 0, max: 100, step: 1 })
          : null}

        <div className="field">
          <label htmlFor={`${p}-mastery`}>{t('grading.settings.mastery')}</label>
          <select id={`${p}-mastery`} value={form.mastery.kind} onChange={(e) => change({ mastery: masteryOf(e.target.value as MasterySetting['kind']) })}>
            {MASTERY.map((k) => (
              <option key={k} value={k}>
                {t(`grading.settings.mastery.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {form.mastery.kind === 'decaying-average' ? (
          <>
            {number(`${p}-weight`, t('grading.settings.latestWeight'), percent(form.mastery.latestWeight), (v) => change({ mastery: { ...form.mastery, latestWeight: fromPercent(v) } }), { min: 1, max: 100, step: 1 })}
            {number(`${p}-masteryPct`, t('grading.settings.masteryPercent'), percent(form.mastery.masteryFraction), (v) => change({ mastery: { ...form.mastery, masteryFraction: fromPercent(v) } }), { min: 0, max: 100, step: 1 })}
          </>
        ) : null}
        {form.mastery.kind === 'n-times'
          ? number(`${p}-n`, t('grading.settings.nTimes'), String(form.mastery.n ?? 2), (v) => change({ mastery: { ...form.mastery, n: Number(v) } }), { min: 1, step: 1 })
          : null}

        <div className="field checkbox">
          <input id={`${p}-four`} type="checkbox" checked={form.priorLearningFourEyes} onChange={(e) => change({ priorLearningFourEyes: e.target.checked })} />
          <label htmlFor={`${p}-four`}>{t('grading.settings.fourEyes')}</label>
        </div>
        {canEdit ? (
          <div className="actions">
            <button type="submit">{t('grading.settings.save', { title: settings.title })}</button>
          </div>
        ) : null}
      </fieldset>
      {saving.error ? <ErrorMessage error={saving.error} /> : null}
      <div aria-live="polite">{saved ? <p className="ok-note">{t('grading.settings.saved')}</p> : null}</div>
    </form>
  );
}
