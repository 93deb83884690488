// The outcome's rubric: criteria × levels, each level worth points (rising), and per criterion the lowest level that passes.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { setRubric } from '../api/set-rubric';
import type { OutcomeView, RubricCriterion, RubricLevel } from '../api/types';
import { useDesigner } from './designer-context';
import { SaveError, useSaving } from './save-error';
import { SavedNote } from './saved-note';

let counter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

function defaultLevels(labels: [string, string, string]): RubricLevel[] {
  return labels.map((label, points) => ({ id: newId('level'), label, description: '', points }));
}

/** Why a criterion cannot be saved yet, as message keys; empty when it can. */
function criterionProblems(c: RubricCriterion): ('designer.rubric.titleMissing' | 'designer.rubric.noLevels' | 'designer.rubric.labelMissing' | 'designer.rubric.pointsRise' | 'designer.rubric.weightPositive')[] {
  const problems: ReturnType<typeof criterionProblems> = [];
  if (c.title.trim() === '') problems.push('designer.rubric.titleMissing');
  if (!(c.weight > 0)) problems.push('designer.rubric.weightPositive');
  if (c.levels.length === 0) problems.push('designer.rubric.noLevels');
  if (c.levels.some((l) => l.label.trim() === '')) problems.push('designer.rubric.labelMissing');
  if (c.levels.some((l, i) => i > 0 && l.points <= (c.levels[i - 1]?.points ?? -Infinity))) problems.push('designer.rubric.pointsRise');
  return problems;
}

export function RubricEditor({ outcome }: { outcome: OutcomeView }) {
  const { t } = useI18n();
  const { save } = useDesigner();
  const [criteria, setCriteria] = useState<RubricCriterion[]>(outcome.rubric.criteria);
  const [tried, setTried] = useState(false);
  const saving = useSaving();
  const p = `rb-${outcome.id}`;
  const problems = criteria.map(criterionProblems);
  const invalid = problems.some((list) => list.length > 0);

  const update = (index: number, change: Partial<RubricCriterion>) => setCriteria((cs) => cs.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const updateLevel = (index: number, levelIndex: number, change: Partial<RubricLevel>) =>
    setCriteria((cs) => cs.map((c, i) => (i === index ? { ...c, levels: c.levels.map((l, j) => (j === levelIndex ? { ...l, ...change } : l)) } : c)));

  function addCriterion() {
    const levels = defaultLevels([t('designer.rubric.level0'), t('designer.rubric.level1'), t('designer.rubric.level2')]);
    setCriteria((cs) => [...cs, { id: newId('criterion'), title: '', weight: 1, levels, passLevelId: levels[1]?.id }]);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    send(false);
  }

  /** `confirm` once the teacher agreed to change criteria students already saw. */
  function send(confirm: boolean) {
    setTried(true);
    if (invalid) return;
    const body = criteria.map((c) => ({ ...c, title: c.title.trim(), passLevelId: c.levels.some((l) => l.id === c.passLevelId) ? c.passLevelId : undefined }));
    void saving.run(() => save((revision) => setRubric(revision, outcome.id, body, confirm)));
  }

  return (
    <form className="sub-card form-grid" onSubmit={submit} noValidate aria-labelledby={`${p}-title`}>
      <h5 id={`${p}-title`}>{t('designer.rubric.title')}</h5>
      <p className="hint">{t('designer.rubric.intro')}</p>
      {criteria.length === 0 ? <p>{t('designer.rubric.empty')}</p> : null}
      {criteria.map((c, index) => (
        <fieldset key={c.id} className="criterion">
          <legend>{t('designer.rubric.criterion', { n: index + 1 })}</legend>
          <label htmlFor={`${p}-c${index}-title`}>{t('designer.rubric.criterionTitle')}</label>
          <input id={`${p}-c${index}-title`} value={c.title} maxLength={200} aria-invalid={tried && c.title.trim() === ''} onChange={(e) => update(index, { title: e.target.value })} />
          <label htmlFor={`${p}-c${index}-weight`}>{t('designer.rubric.weight')}</label>
          <input
            id={`${p}-c${index}-weight`}
            type="number"
            min={0.1}
            max={100}
            step={0.1}
            value={Number.isNaN(c.weight) ? '' : c.weight}
            onChange={(e) => update(index, { weight: e.target.valueAsNumber })}
            className="narrow"
          />
          <div className="pd-scroll">
            <table className="rubric-table">
              <caption className="visually-hidden">{t('designer.rubric.levelsOf', { n: index + 1 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('designer.rubric.level')}</th>
                  <th scope="col">{t('designer.rubric.points')}</th>
                  <th scope="col">{t('designer.rubric.levelDescription')}</th>
                  <th scope="col">{t('designer.rubric.pass')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('designer.remove')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.levels.map((level, li) => (
                  <tr key={level.id}>
                    <td>
                      <input
                        aria-label={t('designer.rubric.levelLabel', { n: li + 1, criterion: index + 1 })}
                        value={level.label}
                        maxLength={100}
                        onChange={(e) => updateLevel(index, li, { label: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={t('designer.rubric.levelPoints', { n: li + 1, criterion: index + 1 })}
                        type="number"
                        className="narrow"
                        value={Number.isNaN(level.points) ? '' : level.points}
                        onChange={(e) => updateLevel(index, li, { points: e.target.valueAsNumber })}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={t('designer.rubric.levelDescriptionOf', { n: li + 1, criterion: index + 1 })}
                        value={level.description}
                        onChange={(e) => updateLevel(index, li, { description: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        type="radio"
                        name={`${p}-c${index}-pass`}
                        aria-label={t('designer.rubric.passAt', { level: level.label || li + 1, criterion: index + 1 })}
                        checked={c.passLevelId === level.id}
                        onChange={() => update(index, { passLevelId: level.id })}
                      />
                    </td>
                    <td>
                      <button type="button" className="secondary small" onClick={() => update(index, { levels: c.levels.filter((_, j) => j !== li) })}>
                        {t('designer.remove')}
                        <span className="visually-hidden"> {t('designer.rubric.levelLabel', { n: li + 1, criterion: index + 1 })}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const top = c.levels[c.levels.length - 1]?.points ?? -1;
                update(index, { levels: [...c.levels, { id: newId('level'), label: '', description: '', points: (Number.isNaN(top) ? 0 : top) + 1 }] });
              }}
            >
              {t('designer.rubric.addLevel')}
            </button>
            <button type="button" className="danger" onClick={() => setCriteria((cs) => cs.filter((_, i) => i !== index))}>
              {t('designer.rubric.removeCriterion', { n: index + 1 })}
            </button>
          </div>
          {tried && (problems[index] ?? []).length > 0 ? (
            <ul className="field-error">
              {(problems[index] ?? []).map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          ) : null}
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={addCriterion}>
          {t('designer.rubric.addCriterion')}
        </button>
        <button type="submit" disabled={saving.busy}>
          {t('designer.rubric.save')}
        </button>
      </div>
      {tried && invalid ? (
        <p role="alert" className="field-error">
          {t('designer.validation.fix')}
        </p>
      ) : null}
      <SaveError error={saving.error} onConfirm={() => send(true)} />
      <SavedNote shown={saving.done} />
    </form>
  );
}
