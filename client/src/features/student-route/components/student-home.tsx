// The student's view: the outcome and its criteria first, then the playbook grid, the route, progress, sessions, plan, evidence and grade.
import { useState } from 'react';
import type { SessionView } from '../../../app/session-api';
import { useApi } from '../../../app/use-api';
import { Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { getPublishedPlaybook } from '../api/get-published-playbook';
import { getRoute } from '../api/get-route';
import type { PublishedPlaybook, RouteView } from '../api/types';
import { StudentWorkspace } from './student-workspace';
import { StudentError } from './student-error';

export function StudentHome(_props: { session: SessionView }) {
  const { t } = useI18n();
  const playbook = useApi(getPublishedPlaybook);
  const route = useApi(getRoute);
  return (
    <div className="student-home">
      <h2 className="student-title">{t('student.title')}</h2>
      {playbook.status === 'loading' || route.status === 'loading' ? <Loading /> : null}
      {playbook.status === 'error' ? <StudentError error={playbook.error} onRetry={playbook.reload} /> : null}
      {route.status === 'error' ? <StudentError error={route.error} onRetry={route.reload} /> : null}
      {playbook.status === 'ready' && route.status === 'ready' ? <Loaded playbook={playbook.data} initial={route.data} /> : null}
    </div>
  );
}

function Loaded({ playbook, initial }: { playbook: PublishedPlaybook; initial: RouteView }) {
  const [view, setView] = useState(initial);
  return <StudentWorkspace playbook={playbook} view={view} onView={setView} />;
}
