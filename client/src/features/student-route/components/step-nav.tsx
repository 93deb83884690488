// The four steps as a navigation: the current one marked with aria-current="step"; Tab reaches them as buttons,
// and the arrow keys, Home and End move between them as in a toolbar. A step may say where the student stands in it
// (the route's status), so the approval is seen from any step.
import type { KeyboardEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { STUDENT_STEPS, type StudentStep } from './student-steps';

export function StepNav({ current, onChoose, states = {} }: { current: StudentStep; onChoose: (step: StudentStep) => void; states?: Partial<Record<StudentStep, string>> }) {
  const { t } = useI18n();
  function moveFocus(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = STUDENT_STEPS.length - 1;
    const target = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const buttons = event.currentTarget.closest('ol')?.querySelectorAll('button');
    buttons?.[Math.max(0, Math.min(last, target))]?.focus();
  }
  return (
    <nav aria-label={t('student.steps.label')} className="student-steps">
      <ol>
        {STUDENT_STEPS.map((step, index) => (
          <li key={step}>
            <button
              type="button"
              className={step === current ? 'step-button current' : 'step-button'}
              aria-current={step === current ? 'step' : undefined}
              onClick={() => onChoose(step)}
              onKeyDown={(event) => moveFocus(event, index)}
            >
              <span className="step-number">{index + 1}</span>{' '}
              <span className="step-text">
                <span className="step-name">{t(`student.steps.${step}`)}</span>
                {/* The comma is for a screen reader ("Choose a route, approved"); on screen the state has a line of its own. */}
                {states[step] ? (
                  <span className="step-state">
                    <span className="visually-hidden">, </span>
                    {states[step]}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Back and next at the end of a step, so a student who read to the bottom goes on without scrolling up. */
export function StepPager({ current, onChoose }: { current: StudentStep; onChoose: (step: StudentStep) => void }) {
  const { t } = useI18n();
  const index = STUDENT_STEPS.indexOf(current);
  const previous = STUDENT_STEPS[index - 1];
  const next = STUDENT_STEPS[index + 1];
  return (
    <div className="step-pager">
      {previous ? (
        <button type="button" className="secondary" onClick={() => onChoose(previous)}>
          {t('student.steps.previous', { step: t(`student.steps.${previous}`) })}
        </button>
      ) : null}
      {next ? (
        <button type="button" className="step-next" onClick={() => onChoose(next)}>
          {t('student.steps.next', { step: t(`student.steps.${next}`) })}
        </button>
      ) : null}
    </div>
  );
}
