// What each role works with once the placement has a playbook: the app composes the features, which never import each other.
import { lazy, Suspense, useState, type ComponentType } from 'react';
import type { ReviewProps } from '../features/class-overview/components/class-overview';
import { Loading } from '../components/status';
import { TabList } from '../components/tab-list';
import { requireMessages, type MessagePart } from '../i18n/catalogues';
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
// Issue 14, learning from each other: the intake and junior/peer beside the student's route, the pairs under the
// coach's students, project groups as a teacher's tab.
const IntakeHome = lazy(() => screen(import('../features/intake/components/intake-home'), ['student'], (m) => m.IntakeHome));
const PeersHome = lazy(() => screen(import('../features/peers/components/peers-home'), ['student'], (m) => m.PeersHome));
const PeerPairs = lazy(() => screen(import('../features/peers/components/peer-pairs'), ['coaching', 'student'], (m) => m.PeerPairs));
const GroupsHome = lazy(() => screen(import('../features/project-groups/components/groups-home'), ['coaching'], (m) => m.GroupsHome));
const CoursePrivacy = lazy(() => screen(import('../features/privacy/components/course-privacy'), ['grading'], (m) => m.CoursePrivacy));
const DownloadMyData = lazy(() => screen(import('../features/privacy/components/download-my-data'), ['student'], (m) => m.DownloadMyData));
const MyGroups = lazy(() => screen(import('../features/project-groups/components/my-groups'), ['student'], (m) => m.MyGroups));
const PeerSettings = lazy(() => screen(import('../features/peers/components/peer-settings'), ['coaching'], (m) => m.PeerSettings));
const IntakeDesign = lazy(() => screen(import('../features/intake/components/intake-design'), ['coaching'], (m) => m.IntakeDesign));
const ClassStart = lazy(() => screen(import('../features/intake/components/class-start'), ['coaching'], (m) => m.ClassStart));
const StudentIntake = lazy(() => screen(import('../features/intake/components/student-intake'), ['coaching', 'student'], (m) => m.StudentIntakeSection));

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
  if (role === 'coach') return <CoachWorkspace session={session} />;
  if (role === 'student') return <StudentWorkspace session={session} />;
  return null;
}

type TabId = 'design' | 'class' | 'students' | 'grading' | 'groups';
type Tabs = readonly { id: TabId; label: MessageKey }[];

// "My students" for every staff member: in Moodle a coach launches as Instructor, so the teacher's tabs must lead there too.
const TEACHER_TABS: Tabs = [
  { id: 'design', label: 'tabs.design' },
  { id: 'class', label: 'tabs.class' },
  { id: 'students', label: 'tabs.students' },
  { id: 'grading', label: 'tabs.grading' },
  { id: 'groups', label: 'tabs.groups' },
];
const ASSISTANT_TABS: Tabs = [
  { id: 'students', label: 'tabs.students' },
  { id: 'class', label: 'tabs.class' },
  { id: 'grading', label: 'tabs.grading' },
];

/** One student's intake under their route, for the coach or teacher who opened it (issue 14). */
function studentIntake(studentId: string) {
  return (
    <Suspense fallback={<Loading />}>
      <StudentIntake studentId={studentId} />
    </Suspense>
  );
}

/** The coach's own route review (approve or return with a comment, level, proposals), opened from the class view. */
function ClassReview({ studentId, name, onClose, onChanged }: ReviewProps) {
  return (
    <Suspense fallback={<Loading />}>
      <RouteDetail key={studentId} studentId={studentId} fallbackName={name} onClose={onClose} onChanged={onChanged} renderExtra={studentIntake} />
    </Suspense>
  );
}

function StaffWorkspace({ session, tabs, label }: { session: SessionView; tabs: Tabs; label: MessageKey }) {
  const [tab, setTab] = useState<TabId>(tabs[0]?.id ?? 'class');
  const isTeacher = session.roles.includes('teacher');
  return (
    <div>
      <TabList<TabId> label={label} tabs={tabs} selected={tab} onSelect={setTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {/* Inside the panel, so the tabs stay while another tab's chunk loads. */}
        <Suspense fallback={<Loading />}>
          {tab === 'design' ? <DesignerHome session={session} /> : null}
          {tab === 'class' ? <ClassOverview session={session} canAssignCoaches={isTeacher} renderReview={ClassReview} /> : null}
          {tab === 'class' ? <ClassStart session={session} /> : null}
          {tab === 'students' ? <CoachWorkspace session={session} /> : null}
          {tab === 'grading' ? <GradingHome session={session} /> : null}
          {tab === 'grading' && isTeacher ? <CoursePrivacy /> : null}
          {tab === 'groups' ? (
            <>
              <IntakeDesign session={session} />
              <PeerSettings session={session} />
              <GroupsHome session={session} />
            </>
          ) : null}
        </Suspense>
      </div>
    </div>
  );
}

/** The coach's students, and under them the junior/peer pairs among those students. */
function CoachWorkspace({ session }: { session: SessionView }) {
  return (
    <>
      <CoachHome session={session} renderStudentExtra={studentIntake} />
      <Suspense fallback={<Loading />}>
        <PeerPairs session={session} />
      </Suspense>
    </>
  );
}

type StudentTabId = 'route' | 'intake' | 'peers';
const STUDENT_TABS: readonly { id: StudentTabId; label: MessageKey }[] = [
  { id: 'route', label: 'tabs.route' },
  { id: 'intake', label: 'tabs.intake' },
  { id: 'peers', label: 'tabs.peers' },
];

/** The student's route first (as before), the intake and learning from each other a tab away. */
function StudentWorkspace({ session }: { session: SessionView }) {
  const [tab, setTab] = useState<StudentTabId>('route');
  return (
    <div>
      <TabList<StudentTabId> label={'tabs.studentLabel'} tabs={STUDENT_TABS} selected={tab} onSelect={setTab} />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <Suspense fallback={<Loading />}>
          {tab === 'route' ? <StudentHome session={session} /> : null}
          {tab === 'intake' ? <IntakeHome session={session} /> : null}
          {tab === 'peers' ? (
            <>
              <PeersHome session={session} />
              <MyGroups session={session} />
            </>
          ) : null}
        </Suspense>
      </div>
      <Suspense fallback={null}>
        <DownloadMyData />
      </Suspense>
    </div>
  );
}
