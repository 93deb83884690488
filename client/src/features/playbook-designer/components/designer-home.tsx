// Entry of the playbook designer: reads the design through the query cache, reads it again after every save, and lays out its parts.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SessionView } from '../../../lib/session-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { designKey, useDesignQuery } from '../api/get-design';
import { useSaveDesignMutation } from '../api/save-design';
import { ActivityGrid } from './activity-grid';
import { AssessmentWindows } from './assessment-windows';
import { DesignerContext } from './designer-context';
import { ImportExport } from './import-export';
import { OutcomeList } from './outcome-list';
import { PlaybookDetails } from './playbook-details';
import { QualityPanel } from './quality-panel';
import { RecommendedRoute } from './recommended-route';
import { RouteRulesForm } from './route-rules';

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
  const query = useDesignQuery();
  const queryClient = useQueryClient();
  const save = useSaveDesignMutation();
  // Reads again without closing any open form; a failed read shows beside the design the teacher still has.
  const reload = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: designKey, exact: true });
  }, [queryClient]);

  const design = query.data;
  const loadError = query.isError ? query.error : null;
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
