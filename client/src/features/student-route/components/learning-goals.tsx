// Personal learning goals beside the fixed outcome (self-direction level 3 and up).
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { addGoal } from '../api/add-goal';
import { removeGoal } from '../api/remove-goal';
import type { RouteView } from '../api/types';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

export function LearningGoals({ view, onView }: { view: RouteView; onView: (v: RouteView) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function attempt(action: () => Promise<RouteView>, clear: boolean) {
    setError(null);
    try {
      onView(await action());
      if (clear) setText('');
    } catch (err) {
      setError(toApiError(err));
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    void attempt(() => addGoal(view.route.version, text.trim()), true);
  }
  return (
    <section aria-labelledby="goals-title" className="student-section">
      <h2 id="goals-title">{t('student.goals.title')}</h2>
      {view.route.learningGoals.length === 0 ? <p className="muted">{t('student.goals.none')}</p> : null}
      <ul className="plain-list">
        {view.route.learningGoals.map((g) => (
          <li key={g.id}>
            <span>{g.text}</span>
            <button type="button" className="secondary" onClick={() => void attempt(() => removeGoal(view.route.version, g.id), false)}>
              {t('student.goals.remove', { text: g.text })}
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="goal-text">{t('student.goals.new')}</label>
        <input id="goal-text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={!text.trim()}>
          {t('student.goals.add')}
        </button>
      </form>
      {error ? <StudentError error={error} /> : null}
    </section>
  );
}
