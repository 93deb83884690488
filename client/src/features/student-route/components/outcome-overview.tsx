// Before anything else: each learning outcome in plain words, how it is assessed, and the criteria with their levels.
import { useI18n } from '../../../i18n/i18n-context';
import { outcomeSentenceText, TUNING_PARTS, type TuningText } from '../../../i18n/outcome-sentence';
import type { PublishedOutcome } from '../api/types';
import { RubricTable } from './rubric-table';

export function OutcomeOverview({ outcomes }: { outcomes: PublishedOutcome[] }) {
  const { t, language } = useI18n();
  return (
    <section aria-labelledby="outcomes-title" className="student-section">
      <h2 id="outcomes-title">{t('student.outcomes.title')}</h2>
      <p className="muted">{t('student.outcomes.intro')}</p>
      {outcomes.length === 0 ? <p>{t('student.outcomes.none')}</p> : null}
      {outcomes.map((outcome) => (
        <article key={outcome.id} className="card" aria-labelledby={`outcome-${outcome.id}`}>
          <h3 id={`outcome-${outcome.id}`}>{outcome.title}</h3>
          <p className="outcome-statement">{outcomeSentenceText(language, tuningOf(outcome))}</p>
          {outcome.indicators.length > 0 ? (
            <>
              <h4>{t('student.outcomes.indicators')}</h4>
              <ul>
                {outcome.indicators.map((i) => (
                  <li key={i.id}>{i.text}</li>
                ))}
              </ul>
            </>
          ) : null}
          {outcome.assessments.length > 0 ? (
            <>
              <h4>{t('student.outcomes.assessment')}</h4>
              <ul>
                {outcome.assessments.map((a) => (
                  <li key={a.id}>
                    {a.title}
                    {a.description ? ` — ${a.description}` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {outcome.possibleEvidence.length > 0 ? (
            <>
              <h4>{t('student.outcomes.evidence')}</h4>
              <ul>
                {outcome.possibleEvidence.map((e) => (
                  <li key={e.id}>
                    {t(`student.evidenceForm.${e.form}`)}: {e.description}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <h4>{t('student.outcomes.criteria')}</h4>
          <RubricTable criteria={outcome.rubric.criteria} caption={t('student.outcomes.rubricCaption', { title: outcome.title })} />
        </article>
      ))}
    </section>
  );
}

/** The Tuning parts as the teacher wrote them; the sentence around them is the one the designer previewed. */
function tuningOf(outcome: PublishedOutcome): TuningText {
  const text = (part: string) => outcome.statement.parts.find((p) => p.part === part)?.text ?? '';
  return Object.fromEntries(TUNING_PARTS.map((part) => [part, text(part)])) as TuningText;
}
