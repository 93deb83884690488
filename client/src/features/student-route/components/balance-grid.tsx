// The balance of the composed route across the grid: a small table of counts per environment and form, and per type.
import { useI18n } from '../../../i18n/i18n-context';
import { ACTIVITY_TYPES, ENVIRONMENTS, FORMS } from '../api/types';
import type { Choosable } from './route-rules';
import { TypeBadge } from './type-badge';
import { useLabels } from './use-labels';

export function BalanceGrid({ items }: { items: Choosable[] }) {
  const { t } = useI18n();
  const labels = useLabels();
  const count = (env: string, form: string) => items.filter((i) => i.environment === env && i.form === form).length;
  return (
    <div className="balance">
      <h3 id="balance-title">{t('student.balance.title')}</h3>
      <div className="table-scroll" role="region" aria-labelledby="balance-title" tabIndex={0}>
        <table className="balance-grid" aria-labelledby="balance-title">
          <thead>
            <tr>
              <td />
              {FORMS.map((f) => (
                <th key={f} scope="col">
                  {labels.form(f)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ENVIRONMENTS.map((env) => (
              <tr key={env}>
                <th scope="row">{labels.environment(env)}</th>
                {FORMS.map((form) => {
                  const n = count(env, form);
                  return (
                    <td key={form} className={`heat heat-${Math.min(n, 3)}`}>
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="type-counts">
        {ACTIVITY_TYPES.map((type) => (
          <li key={type}>
            <TypeBadge type={type} /> {items.filter((i) => i.type === type).length}
          </li>
        ))}
      </ul>
    </div>
  );
}
