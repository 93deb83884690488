// Signing up for the sessions of synchronous activities in the route, with the seats left.
import { useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { Loading } from '../../../components/status';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import { cancelSession } from '../api/cancel-session';
import { useSessionsQuery } from '../api/list-sessions';
import { signUpForSession } from '../api/sign-up-session';
import type { SessionOffer } from '../api/types';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

export function SessionsPanel({ routeIds }: { routeIds: string[] }) {
  const { t, language } = useI18n();
  const sessions = useSessionsQuery();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function toggle(s: SessionOffer) {
    setBusy(true);
    setError(null);
    try {
      await (s.signedUp ? cancelSession(s.activityId, s.sessionId) : signUpForSession(s.activityId, s.sessionId));
      void sessions.refetch();
    } catch (err) {
      setError(toApiError(err));
      void sessions.refetch();
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="sessions-title" className="student-section">
      <h2 id="sessions-title">{t('student.sessions.title')}</h2>
      {error ? <StudentError error={error} /> : null}
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <StudentError error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
      {sessions.isSuccess && sessions.data.sessions.length === 0 ? <p>{t('student.sessions.none')}</p> : null}
      {sessions.isSuccess ? (
        <ul className="plain-list">
          {sessions.data.sessions.map((s) => {
            const inRoute = routeIds.includes(s.activityId);
            return (
              <li key={`${s.activityId}/${s.sessionId}`} className="session-item">
                <span>
                  <strong>{s.title}</strong>
                  <br />
                  {formatDate(language, s.startsAt, 'fullDateTime')} · {s.place} · {t('student.sessions.seatsLeft', { left: s.seatsLeft, capacity: s.capacity })}
                  {s.signedUp ? <strong className="signed-up"> · {t('student.sessions.signedUp')}</strong> : null}
                </span>
                {!inRoute ? (
                  <span className="muted">{t('student.sessions.addFirst')}</span>
                ) : (
                  <button type="button" className={s.signedUp ? 'secondary' : undefined} disabled={busy || (!s.signedUp && s.seatsLeft === 0)} onClick={() => void toggle(s)}>
                    {s.signedUp ? t('student.sessions.cancel', { title: s.title }) : s.seatsLeft === 0 ? t('student.sessions.full') : t('student.sessions.signUp', { title: s.title })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
