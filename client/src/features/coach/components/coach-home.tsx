// The study coach's dashboard: their students with route status and progress; one route opened to approve, return or set a level.
import { useState, type ReactNode } from 'react';
import type { SessionView } from '../../../lib/session-api';
import { ErrorMessage, Loading } from '../../../components/status';
import type { MessageKey } from '../../../i18n/en';
import { useI18n } from '../../../i18n/i18n-context';
import { useCoachStudentsQuery, type CoachStudents } from '../api/get-students';
import type { Notice } from '../../../components/notice';
import { RouteDetail } from './route-detail';
import { SessionAttendance } from './session-attendance';
import { StudentList } from './student-list';

export function CoachHome({ renderStudentExtra }: { session: SessionView; renderStudentExtra?: (studentId: string) => ReactNode }) {
  const { t } = useI18n();
  const students = useCoachStudentsQuery();
  const reload = () => void students.refetch();
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const openStudent = students.data?.students.find((s) => s.id === open);
  return (
    <section aria-labelledby="coach-title" className="coach">
      <h2 id="coach-title">{t('coach.title')}</h2>
      <p className="muted">{t('coach.intro')}</p>
      <div aria-live="polite">{notice ? <p className="notice">{t(notice.key, notice.params)}</p> : null}</div>
      {students.isPending ? <Loading /> : null}
      {students.isError ? <ErrorMessage error={students.error} onRetry={reload} /> : null}
      {students.isSuccess && open ? (
        <RouteDetail
          key={open}
          studentId={open}
          fallbackName={openStudent?.name ?? open}
          onClose={() => setOpen(null)}
          renderExtra={renderStudentExtra}
          onChanged={(message) => {
            setNotice(message);
            reload();
          }}
        />
      ) : null}
      {students.isSuccess && !open ? (
        <>
          <p className="muted">{t(scopeNote(students.data))}</p>
          <StudentList
            students={students.data.students}
            onOpen={(id) => {
              setNotice(null);
              setOpen(id);
            }}
          />
          <SessionAttendance />
        </>
      ) : null}
    </section>
  );
}

/** Someone with no students of their own is told how that changes: a teacher assigns them (Moodle and most LMSs send no coach role). */
function scopeNote({ scope, students }: CoachStudents): MessageKey {
  if (scope === 'course') return 'coach.scope.course';
  return students.length === 0 ? 'coaching.scope.none' : 'coaching.scope.own';
}
