// Entry of the playbook designer: loads the design once, keeps it fresh after every save, and lays out its parts.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import type { SessionView } from '../../../lib/session-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { getDesign } from '../api/get-design';
import type { DesignView } from '../api/types';
import { ActivityGrid } from './activity-grid';
import { AssessmentWindows } from './assessment-windows';
import { DesignerContext, type Designer } from './designer-context';
import { ImportExport } from './import-export';
import { OutcomeList } from './outcome-list';
import { PlaybookDetails } from './playbook-details';
import { QualityPanel } from './quality-panel';
import { RecommendedRoute } from './recommended-route';
import { RouteRulesForm } from './route-rules';
import { toApiError } from './save-error';

const SECTIONS = [
  ['designer-details', 'designer.nav.details'],
  ['designer-outcomes', 'designer.nav.outcomes'],
  ['designer-grid', 'designer.nav.grid'],
  ['designer-route', 'designer.nav.route'],
  ['designer-rules', 'designer.nav.rules'],
  ['designer-windows', 'designer.nav.windows'],
  ['designer-quality', 'designer.nav.quality'],
  ['designer-exchange', 'designer.nav.exchange'],
] as const;

export function DesignerHome(_props: { session: SessionView }) {
  const { t } = useI18n();
  const [design, setDesign] = useState<DesignView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const latest = useRef<DesignView | null>(null);

  const reload = useCallback(async () => {
    try {
      const fresh = await getDesign();
      latest.current = fresh;
      setDesign(fresh);
      setLoadError(null);
    } catch (err) {
      setLoadError(toApiError(err));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = useCallback<Designer['save']>(
    async (write) => {
      const revision = latest.current?.revision ?? 0;
      const answer = await write(revision);
      await reload();
      return answer;
    },
    [reload],
  );

  if (!design) {
    return loadError ? <ErrorMessage error={loadError} onRetry={() => void reload()} /> : <Loading />;
  }
  return (
    <DesignerContext.Provider value={{ design, save, reload }}>
      <div className="designer">
        <h2>{t('designer.title')}</h2>
        <p className={design.status === 'published' ? 'badge badge-published' : 'badge badge-draft'}>
          {design.status === 'published' ? t('playbook.published') : t('playbook.draft')}
        </p>
        {loadError ? <ErrorMessage error={loadError} onRetry={() => void reload()} /> : null}
        <nav aria-label={t('designer.nav.label')} className="designer-nav">
          <ul>
            {SECTIONS.map(([id, key]) => (
              <li key={id}>
                <a href={`#${id}`}>{t(key)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <PlaybookDetails />
        <OutcomeList />
        <ActivityGrid />
        <RecommendedRoute />
        <RouteRulesForm />
        <AssessmentWindows />
        <QualityPanel />
        <ImportExport />
      </div>
    </DesignerContext.Provider>
  );
}
