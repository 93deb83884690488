// The student judges their own work against the same criteria before handing it in (level 3 and up).
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { selfAssess } from '../api/self-assess';
import type { Attempt, RubricCriterion } from '../api/types';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

export function SelfAssessmentForm({ attempt, criteria, onSaved }: { attempt: Attempt; criteria: RubricCriterion[]; onSaved: () => void }) {
  const { t } = useI18n();
  const initial = Object.fromEntries((attempt.selfAssessment?.judgements ?? []).map((j) => [j.criterionId, j.levelId]));
  const [levels, setLevels] = useState<Record<string, string>>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await selfAssess(attempt.id, Object.entries(levels).map(([criterionId, levelId]) => ({ criterionId, levelId })));
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  return (
    <form className="self-assessment" onSubmit={(e) => void submit(e)}>
      <h4>{t('student.selfAssessment.title')}</h4>
      {criteria.map((c) => (
        <fieldset key={c.id}>
          <legend>{c.title}</legend>
          {c.levels.map((level) => (
            <label key={level.id} className="radio">
              <input type="radio" name={`self-${attempt.id}-${c.id}`} value={level.id} checked={levels[c.id] === level.id} onChange={() => setLevels({ ...levels, [c.id]: level.id })} />
              {level.label}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit" disabled={criteria.some((c) => !levels[c.id])}>
        {t('student.selfAssessment.save')}
      </button>
      <p role="status" className="muted">
        {saved || attempt.selfAssessment ? t('student.selfAssessment.saved') : ''}
      </p>
      {error ? <StudentError error={error} /> : null}
    </form>
  );
}
