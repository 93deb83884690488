// All routes together on the 3 × 3 grid of environments and forms of learning, as a heatmap table.
import { useI18n } from '../../../i18n/i18n-context';
import { ENVIRONMENTS, LEARNING_FORMS, type ClassOverviewData } from '../api/get-overview';

export function ClassGrid({ data }: { data: ClassOverviewData }) {
  const { t } = useI18n();
  const max = Math.max(1, ...data.grid.cells.map((c) => c.count));
  const countOf = (environment: string, form: string) => data.grid.cells.find((c) => c.environment === environment && c.form === form)?.count ?? 0;
  // Relative to the fullest cell, so a small class still shows where it clusters.
  const level = (count: number) => (count === 0 ? 0 : Math.min(3, Math.ceil((count / max) * 3)));
  return (
    <section className="card" aria-labelledby="grid-title">
      <h3 id="grid-title">{t('classOverview.grid.title')}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="grid-title">
        <table className="heatmap grid-map">
          <caption>{t('classOverview.grid.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('classOverview.grid.environment')}</th>
              {LEARNING_FORMS.map((form) => (
                <th scope="col" key={form}>
                  {t(`classOverview.form.${form}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ENVIRONMENTS.map((environment) => (
              <tr key={environment}>
                <th scope="row">{t(`classOverview.env.${environment}`)}</th>
                {LEARNING_FORMS.map((form) => {
                  const count = countOf(environment, form);
                  return (
                    <td key={form} className={`heat heat-${level(count)}`}>
                      {count}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
