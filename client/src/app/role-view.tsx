// What each role works with once the placement has a playbook: the app composes the features, which never import each other.
import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { ReviewProps } from '../features/class-overview/components/class-overview';
import { Loading } from '../components/status';
import { requireMessages, type MessagePart } from '../i18n/catalogues';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import type { SessionView } from '../lib/session-api';

// Each role's workspace is its own chunk, with its own texts in the language in use: a student's browser never loads
// the designer or the grading screens, nor their words (issue 13; test/architecture/client-size.test.ts checks).
const ClassOverview = lazy(() => screen(import('../features/class-overview/components/class-overview'), ['grading', 'coaching'], (m) => m.ClassOverview));
const CoachHome = lazy(() => screen(import('../features/coach/components/coach-home'), ['grading', 'coaching', 'student'], (m) => m.CoachHome));
const RouteDetail = lazy(() => screen(import('../features/coach/components/route-detail'), ['grading', 'coaching', 'student'], (m) => m.RouteDetail));
const GradingHome = lazy(() => screen(import('../features/grading/components/grading-home'), ['grading'], (m) => m.GradingHome));
const DesignerHome = lazy(() => screen(import('../features/playbook-designer/components/designer-home'), ['designer'], (m) => m.DesignerHome));
const StudentHome = lazy(() => screen(import('../features/student-route/components/student-home'), ['student'], (m) => m.StudentHome));

/** A screen's code and its texts, fetched side by side; it renders once both are there. */
async function screen<M, P>(code: Promise<M>, parts: readonly MessagePart[], pick: (module: M) => ComponentType<P>): Promise<{ default: ComponentType<P> }> {
  const [module] = await Promise.all([code, requireMessages(parts)]);
  return { default: pick(module) };
}

export function RoleView({ session }: { session: SessionView }) {
  return (
    <Suspense fallback={<Loading />}>
      <RoleWorkspace session={session} />
    </Suspense>
  );
}

function RoleWorkspace({ session }: { session: SessionView }) {
  const role = session.roles[0];
  if (role === 'teacher') return <StaffWorkspace session={session} tabs={TEACHER_TABS} label="tabs.label" />;
  // A TA or non-editing teacher (Canvas, Brightspace): grades and coaches, does not design.
  if (role === 'assistant') return <StaffWorkspace session={session} tabs={ASSISTANT_TABS} label="tabs.assistantLabel" />;
  if (role === 'coach') return <CoachHome session={session} />;
  if (role === 'student') return <StudentHome session={session} />;
  return null;
}

type TabId = 'design' | 'class' | 'students' | 'grading';
type Tabs = readonly { id: TabId; label: MessageKey }[];

// "My students" for every staff member: in Moodle a coach launches as Instructor, so the teacher's tabs must lead there too.
const TEACHER_TABS: Tabs = [
  { id: 'design', label: 'tabs.design' },
  { id: 'class', label: 'tabs.class' },
  { id: 'students', label: 'tabs.students' },
  { id: 'grading', label: 'tabs.grading' },
];
const ASSISTANT_TABS: Tabs = [
  { id: 'students', label: 'tabs.students' },
  { id: 'class', label: 'tabs.class' },
  { id: 'grading', label: 'tabs.grading' },
];

/** The coach's own route review (approve or return with a comment, level, proposals), opened from the class view. */
function ClassReview({ studentId, name, onClose, onChanged }: ReviewProps) {
  return (
    <Suspense fallback={<Loading />}>
      <RouteDetail key={studentId} studentId={studentId} fallbackName={name} onClose={onClose} onChanged={onChanged} />
    </Suspense>
  );
}

function StaffWorkspace({ session, tabs, label }: { session: SessionView; tabs: Tabs; label: MessageKey }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<TabId>(tabs[0]?.id ?? 'class');
  const isTeacher = session.roles.includes('teacher');
  return (
    <div>
      <div role="tablist" aria-label={t(label)} className="tabs">
        {tabs.map((item) => (
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
        {/* Inside the panel, so the tabs stay while another tab's chunk loads. */}
        <Suspense fallback={<Loading />}>
          {tab === 'design' ? <DesignerHome session={session} /> : null}
          {tab === 'class' ? <ClassOverview session={session} canAssignCoaches={isTeacher} renderReview={ClassReview} /> : null}
          {tab === 'students' ? <CoachHome session={session} /> : null}
          {tab === 'grading' ? <GradingHome session={session} /> : null}
        </Suspense>
      </div>
    </div>
  );
}
