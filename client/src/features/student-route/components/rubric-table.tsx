// The assessment criteria and their levels as a table; it scrolls sideways on a narrow screen rather than squeezing.
import { useI18n } from '../../../i18n/i18n-context';
import type { RubricCriterion } from '../api/types';

export function RubricTable({ criteria, caption }: { criteria: RubricCriterion[]; caption: string }) {
  const { t } = useI18n();
  if (criteria.length === 0) return <p>{t('student.outcomes.noCriteria')}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="rubric">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('student.rubric.criterion')}</th>
            <th scope="col">{t('student.rubric.levels')}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                {c.title}
                {c.weight !== 1 ? <span className="muted"> {t('student.rubric.weight', { weight: c.weight })}</span> : null}
                {c.description ? <p className="muted">{c.description}</p> : null}
              </th>
              <td>
                <ol className="rubric-levels">
                  {c.levels.map((level) => (
                    <li key={level.id} className={level.id === c.passLevelId ? 'pass-level' : undefined}>
                      <strong>{level.label}</strong> ({t('student.rubric.points', { points: level.points })})
                      {level.id === c.passLevelId ? <span className="pass-mark"> — {t('student.rubric.passLevel')}</span> : null}
                      {level.description ? <span className="muted"> {level.description}</span> : null}
                    </li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
