// The student's view: loads the playbook, the route and the standing, then opens the steps where the student's state puts them.
import { useState } from 'react';
import type { SessionView } from '../../../lib/session-api';
import { Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { usePublishedPlaybookQuery } from '../api/get-published-playbook';
import { useRouteQuery } from '../api/get-route';
import { useStandingQuery } from '../api/get-standing';
import type { PublishedPlaybook, RouteView, Standing } from '../api/types';
import { StudentWorkspace } from './student-workspace';
import { StudentError } from './student-error';

export function StudentHome(_props: { session: SessionView }) {
  const { t } = useI18n();
  const playbook = usePublishedPlaybookQuery();
  const route = useRouteQuery();
  // Only to choose the opening step: without it (an error) the page still opens, on the route's step.
  const standing = useStandingQuery();
  const loading = playbook.isPending || route.isPending || standing.isPending;
  return (
    <div className="student-home">
      <h2 className="student-title">{t('student.title')}</h2>
      {loading ? <Loading /> : null}
      {playbook.isError ? <StudentError error={playbook.error} onRetry={() => void playbook.refetch()} /> : null}
      {route.isError ? <StudentError error={route.error} onRetry={() => void route.refetch()} /> : null}
      {playbook.isSuccess && route.isSuccess && !loading ? (
        <Loaded playbook={playbook.data} initial={route.data} graded={standing.isSuccess && isGraded(standing.data)} />
      ) : null}
    </div>
  );
}

const isGraded = (standing: Standing) => standing.outcomes.some((o) => o.grade !== undefined || o.mastery.status === 'assessed');

function Loaded({ playbook, initial, graded }: { playbook: PublishedPlaybook; initial: RouteView; graded: boolean }) {
  const [view, setView] = useState(initial);
  return <StudentWorkspace playbook={playbook} view={view} onView={setView} graded={graded} />;
}
