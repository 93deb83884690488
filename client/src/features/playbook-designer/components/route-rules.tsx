// The rules every route must satisfy: a minimum per activity type, study load bounds, required environments and activities.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { setRules } from '../api/set-rules';
import { ACTIVITY_TYPES, ENVIRONMENTS, type ActivityType, type Environment, type RouteRules } from '../api/types';
import { ActivityTypeBadge } from './activity-type-badge';
import { useDesigner } from './designer-context';
import { SaveError, useSaving } from './save-error';
import { SavedNote } from './saved-note';

const numberOrEmpty = (n: number | undefined) => (n === undefined ? '' : String(n));

export function RouteRulesForm() {
  const { t } = useI18n();
  const { design, save } = useDesigner();
  const rules = design.rules;
  const [perType, setPerType] = useState<Record<ActivityType, string>>(
    () => Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, numberOrEmpty(rules.minPerType[type])])) as Record<ActivityType, string>,
  );
  const [min, setMin] = useState(numberOrEmpty(rules.minStudyLoadHours));
  const [max, setMax] = useState(numberOrEmpty(rules.maxStudyLoadHours));
  const [environments, setEnvironments] = useState<Environment[]>(rules.requiredEnvironments);
  const [required, setRequired] = useState<string[]>(rules.requiredActivityIds);
  const [tried, setTried] = useState(false);
  const saving = useSaving();

  const badCount = ACTIVITY_TYPES.filter((type) => perType[type] !== '' && !(Number.isInteger(Number(perType[type])) && Number(perType[type]) >= 0));
  const minN = min === '' ? undefined : Number(min);
  const maxN = max === '' ? undefined : Number(max);
  const badLoad = (minN !== undefined && (Number.isNaN(minN) || minN < 0)) || (maxN !== undefined && (Number.isNaN(maxN) || maxN < 0));
  const maxBelowMin = minN !== undefined && maxN !== undefined && maxN < minN;
  const invalid = badCount.length > 0 || badLoad || maxBelowMin;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (invalid) return;
    const body: RouteRules = {
      minPerType: Object.fromEntries(ACTIVITY_TYPES.filter((type) => perType[type] !== '').map((type) => [type, Number(perType[type])])),
      ...(minN !== undefined ? { minStudyLoadHours: minN } : {}),
      ...(maxN !== undefined ? { maxStudyLoadHours: maxN } : {}),
      requiredEnvironments: environments,
      requiredActivityIds: required.filter((id) => design.activities.some((a) => a.id === id)),
    };
    void saving.run(() => save((revision) => setRules(revision, body)));
  }

  return (
    <section id="designer-rules" className="card" aria-labelledby="designer-rules-title">
      <h3 id="designer-rules-title">{t('designer.rules.title')}</h3>
      <p className="hint">{t('designer.rules.intro')}</p>
      <form onSubmit={submit} className="form-grid" noValidate>
        <fieldset>
          <legend>{t('designer.rules.perType')}</legend>
          <div className="rules-types">
            {ACTIVITY_TYPES.map((type) => (
              <div key={type} className="form-grid">
                <label htmlFor={`rule-${type}`}>
                  <ActivityTypeBadge type={type} />
                </label>
                <input
                  id={`rule-${type}`}
                  type="number"
                  min={0}
                  max={50}
                  className="narrow"
                  value={perType[type]}
                  aria-invalid={tried && badCount.includes(type)}
                  onChange={(e) => setPerType({ ...perType, [type]: e.target.value })}
                />
              </div>
            ))}
          </div>
          {tried && badCount.length > 0 ? <p className="field-error">{t('designer.rules.countInvalid')}</p> : null}
        </fieldset>
        <div className="row wrap">
          <div className="form-grid">
            <label htmlFor="rule-min">{t('designer.rules.minHours')}</label>
            <input id="rule-min" type="number" min={0} className="narrow" value={min} onChange={(e) => setMin(e.target.value)} aria-invalid={tried && badLoad} />
          </div>
          <div className="form-grid">
            <label htmlFor="rule-max">{t('designer.rules.maxHours')}</label>
            <input
              id="rule-max"
              type="number"
              min={0}
              className="narrow"
              value={max}
              onChange={(e) => setMax(e.target.value)}
              aria-invalid={tried && (badLoad || maxBelowMin)}
              aria-describedby={tried && maxBelowMin ? 'rule-max-error' : undefined}
            />
          </div>
        </div>
        {tried && badLoad ? <p className="field-error">{t('designer.rules.hoursInvalid')}</p> : null}
        {tried && maxBelowMin ? (
          <p id="rule-max-error" className="field-error">
            {t('designer.rules.maxBelowMin')}
          </p>
        ) : null}
        <fieldset>
          <legend>{t('designer.rules.environments')}</legend>
          {ENVIRONMENTS.map((env) => (
            <div key={env} className="choice">
              <input
                type="checkbox"
                id={`rule-env-${env}`}
                checked={environments.includes(env)}
                onChange={(e) => setEnvironments(e.target.checked ? [...environments, env] : environments.filter((x) => x !== env))}
              />
              <label htmlFor={`rule-env-${env}`}>{t(`designer.m.environment.${env}`)}</label>
            </div>
          ))}
        </fieldset>
        {design.activities.length > 0 ? (
          <fieldset>
            <legend>{t('designer.rules.required')}</legend>
            {design.activities.map((a) => (
              <div key={a.id} className="choice">
                <input
                  type="checkbox"
                  id={`rule-req-${a.id}`}
                  checked={required.includes(a.id)}
                  onChange={(e) => setRequired(e.target.checked ? [...required, a.id] : required.filter((x) => x !== a.id))}
                />
                <label htmlFor={`rule-req-${a.id}`}>{a.title}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <button type="submit" disabled={saving.busy}>
          {t('designer.rules.save')}
        </button>
        <SaveError error={saving.error} />
        <SavedNote shown={saving.done} />
      </form>
    </section>
  );
}
