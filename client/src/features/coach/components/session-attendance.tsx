// Attendance for sessions: who signed up, and marking who came once a session has started.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import { useSessionsQuery, type AttendanceSession } from '../api/get-sessions';
import { useMarkAttendance } from '../api/mark-attendance';

export function SessionAttendance() {
  const { t } = useI18n();
  const sessions = useSessionsQuery();
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h3 id="attendance-title">{t('coach.attendance.title')}</h3>
      <p className="muted">{t('coach.attendance.intro')}</p>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorMessage error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
      {sessions.isSuccess && sessions.data.sessions.length === 0 ? <p>{t('coach.attendance.none')}</p> : null}
      {sessions.data?.sessions.map((s) => <OneSession key={`${s.activityId}/${s.sessionId}`} session={s} />)}
    </section>
  );
}

function OneSession({ session }: { session: AttendanceSession }) {
  const { t, language } = useI18n();
  const marking = useMarkAttendance();
  // The choice shows at once, before the list is read again; a refused mark falls back to what the server holds.
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const id = `att-${session.activityId}-${session.sessionId}`;
  return (
    <div className="sub-card" role="group" aria-labelledby={id}>
      <h4 id={id}>
        {session.title} · {formatDate(language, session.startsAt, 'dateTime')} · {session.place}
      </h4>
      {session.attendees.length === 0 ? <p className="muted">{t('coach.attendance.nobody')}</p> : null}
      {session.attendees.length > 0 && !session.started ? <p className="muted">{t('coach.attendance.notStarted')}</p> : null}
      {session.attendees.length > 0 ? (
        <ul className="attendance-list">
          {session.attendees.map((a) => {
            const name = a.name ?? a.studentId;
            const shown = chosen[a.studentId] ?? a.attended;
            const mark = (attended: boolean) => {
              setChosen((all) => ({ ...all, [a.studentId]: attended }));
              marking.mutate(
                { activityId: session.activityId, sessionId: session.sessionId, studentId: a.studentId, attended },
                { onError: () => setChosen(({ [a.studentId]: _refused, ...rest }) => rest) },
              );
            };
            return (
              <li key={a.studentId}>
                <fieldset disabled={!session.started || marking.isPending}>
                  <legend>{name}</legend>
                  <label>
                    <input type="radio" name={`${id}-${a.studentId}`} checked={shown === true} onChange={() => mark(true)} /> {t('coach.attendance.present')}
                  </label>{' '}
                  <label>
                    <input type="radio" name={`${id}-${a.studentId}`} checked={shown === false} onChange={() => mark(false)} /> {t('coach.attendance.absent')}
                  </label>
                  {shown === null ? <span className="muted"> {t('coach.attendance.unmarked')}</span> : null}
                </fieldset>
              </li>
            );
          })}
        </ul>
      ) : null}
      {marking.error ? <ErrorMessage error={marking.error} /> : null}
    </div>
  );
}
