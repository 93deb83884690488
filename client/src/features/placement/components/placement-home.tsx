// The first view of a placed link: what this person can do with the playbook, depending on their role in the course.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client';
import { useApi } from '../../../app/use-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { SessionView } from '../../session/api/get-session';
import { getPlacement, type PlacementPlaybook } from '../api/get-placement';
import { setUpPlaybook } from '../api/set-up-playbook';

export function PlacementHome({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const placement = useApi(getPlacement);
  const role = session.roles[0];
  const greeting = session.user.name ? t('home.greeting', { name: session.user.name }) : t('home.greetingAnonymous');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{greeting}</h1>
      <p className="muted">
        {session.context?.title ? t('home.course', { course: session.context.title }) : null}
        {role ? ` · ${t(`role.${role}`)}` : ''}
      </p>
      {!role ? <p>{t('home.noRole')}</p> : null}
      {placement.status === 'loading' ? <Loading /> : null}
      {placement.status === 'error' ? <ErrorMessage error={placement.error} onRetry={placement.reload} /> : null}
      {placement.status === 'ready' && role === 'teacher' ? <TeacherStart playbook={placement.data.playbook} onCreated={placement.reload} /> : null}
      {placement.status === 'ready' && role === 'student' ? <StudentStart playbook={placement.data.playbook} /> : null}
      {placement.status === 'ready' && role === 'coach' ? <p>{t('home.coach')}</p> : null}
    </section>
  );
}

function TeacherStart({ playbook, onCreated }: { playbook: PlacementPlaybook | null; onCreated: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await setUpPlaybook(title.trim());
      onCreated();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }
  if (playbook) {
    return (
      <div className="card">
        <h2>{playbook.title}</h2>
        <p>{t(playbook.status === 'published' ? 'playbook.published' : 'playbook.draft')}</p>
        <p>{t('playbook.outcomeCount', { count: playbook.outcomeCount })}</p>
      </div>
    );
  }
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('playbook.setUpTitle')}</h2>
      <p>{t('playbook.setUpIntro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <label htmlFor="playbook-title">{t('deepLinking.newTitle')}</label>
      <input id="playbook-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      <button type="submit" disabled={!title.trim()}>
        {t('deepLinking.create')}
      </button>
    </form>
  );
}

function StudentStart({ playbook }: { playbook: PlacementPlaybook | null }) {
  const { t } = useI18n();
  if (!playbook || playbook.status !== 'published') return <p>{t('home.studentWaiting')}</p>;
  return (
    <div className="card">
      <h2>{playbook.title}</h2>
      <p>{t('home.studentReady')}</p>
    </div>
  );
}
