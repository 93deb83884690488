// One student's intake for the coach or teacher who opens that student: where they stand per outcome against what it
// asks (the same picture the student sees, in the third person), their answers to the short tasks and the learner
// profile; or that there is none yet. A teacher also reviews the answers and may reopen a submitted intake.
import { ErrorMessage, Loading } from '../../../components/status';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/en';
import { useStudentIntakeQuery, type StudentIntake } from '../api/intake-staff-api';
import { DiagnosticReviews } from './diagnostic-reviews';
import { IntakePicture } from './intake-picture';
import { ReopenIntake } from './reopen-intake';

const PROFILE: [keyof NonNullable<StudentIntake['response']>['profile'], MessageKey][] = [
  ['priorEducation', 'intakeStaff.profile.priorEducation'],
  ['workExperience', 'intakeStaff.profile.workExperience'],
  ['hoursPerWeek', 'intakeStaff.profile.hoursPerWeek'],
  ['when', 'intakeStaff.profile.when'],
  ['expectations', 'intakeStaff.profile.expectations'],
  ['why', 'intakeStaff.profile.why'],
];

export function StudentIntakeSection({ studentId }: { studentId: string }) {
  const { t, language } = useI18n();
  const intake = useStudentIntakeQuery(studentId);
  const result = intake.data?.result;
  const profile = intake.data?.response?.profile ?? {};
  // A draft after a reopening: the teacher sees that it waits for the student, not "no intake".
  const reopened = intake.data?.response?.status === 'draft' ? intake.data.response.history.findLast((e) => e.kind === 'reopened') : undefined;
  return (
    <section aria-labelledby="student-intake-title" className="student-intake">
      <h4 id="student-intake-title">{t('intakeStaff.student.title')}</h4>
      {intake.isPending ? <Loading /> : null}
      {/* No intake in the course, or none submitted: the same answer for the coach. */}
      {(intake.isError && intake.error.code === 'no_intake') || (intake.isSuccess && !result && !reopened) ? <p>{t('intakeStaff.student.none')}</p> : null}
      {intake.isError && intake.error.code !== 'no_intake' ? <ErrorMessage error={intake.error} onRetry={() => void intake.refetch()} /> : null}
      <div role="status">
        {intake.isSuccess && reopened ? (
          <p>
            {t('intakeStaff.student.reopened', { date: formatDate(language, reopened.at, 'dateTime') })}
            {reopened.reason ? ` ${t('intakeStaff.student.reopenedReason', { reason: reopened.reason })}` : ''}
          </p>
        ) : null}
      </div>
      {intake.isSuccess && result ? (
        <>
          <IntakePicture design={intake.data.design} points={result.points} staff />
          <DiagnosticReviews intake={intake.data} />
          <dl aria-label={t('intakeStaff.profile.title')}>
            {PROFILE.filter(([field]) => profile[field] !== undefined && profile[field] !== '').map(([field, label]) => (
              <div key={field}>
                <dt>{t(label)}</dt>
                <dd>{String(profile[field])}</dd>
              </div>
            ))}
          </dl>
          {intake.data.can.reopen ? <ReopenIntake intake={intake.data} /> : null}
        </>
      ) : null}
    </section>
  );
}
