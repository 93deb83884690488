// The live rule check beside the route: every unmet rule in words, or that the route is sound.
import { useI18n } from '../../../i18n/i18n-context';
import type { Message } from '../api/types';
import { useLabels } from './use-labels';

export function RuleCheck({ id, violations, titleOf }: { id: string; violations: Message[]; titleOf: (id: string) => string }) {
  const { t } = useI18n();
  const labels = useLabels(titleOf);
  return (
    <div className="rule-check">
      <h3 id={`${id}-title`}>{t('student.check.title')}</h3>
      <div aria-live="polite">
        {violations.length === 0 ? (
          <p className="check-ok">
            <span aria-hidden="true">✓ </span>
            {t('student.check.ok')}
          </p>
        ) : (
          <>
            <p className="check-problem">{t('student.check.problems', { count: violations.length })}</p>
            <ul className="violations">
              {violations.map((v, i) => (
                <li key={`${v.key}-${i}`}>
                  <span aria-hidden="true">✗ </span>
                  {labels.message(v)}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
