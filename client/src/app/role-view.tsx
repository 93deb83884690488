// What each role works with once the placement has a playbook: the app composes the features, which never import each other.
import { useState } from 'react';
import { ClassOverview } from '../features/class-overview/components/class-overview';
import { CoachHome } from '../features/coach/components/coach-home';
import { GradingHome } from '../features/grading/components/grading-home';
import { DesignerHome } from '../features/playbook-designer/components/designer-home';
import { StudentHome } from '../features/student-route/components/student-home';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import type { SessionView } from './session-api';

export function RoleView({ session }: { session: SessionView }) {
  const role = session.roles[0];
  if (role === 'teacher') return <TeacherWorkspace session={session} />;
  if (role === 'coach') return <CoachHome session={session} />;
  if (role === 'student') return <StudentHome session={session} />;
  return null;
}

const TEACHER_TABS = [
  { id: 'design', label: 'tabs.design' },
  { id: 'class', label: 'tabs.class' },
  { id: 'grading', label: 'tabs.grading' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type TeacherTab = (typeof TEACHER_TABS)[number]['id'];

function TeacherWorkspace({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<TeacherTab>('design');
  return (
    <div>
      <div role="tablist" aria-label={t('tabs.label')} className="tabs">
        {TEACHER_TABS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`tab-${item.id}`}
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            className={tab === item.id ? 'tab active' : 'tab'}
            onClick={() => setTab(item.id)}
          >
            {t(item.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'design' ? <DesignerHome session={session} /> : null}
        {tab === 'class' ? <ClassOverview session={session} /> : null}
        {tab === 'grading' ? <GradingHome session={session} /> : null}
      </div>
    </div>
  );
}
