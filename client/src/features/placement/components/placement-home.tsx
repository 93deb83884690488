// The first view of a placed link: greeting and course, and, until the placement has a playbook, how to get one.
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../../lib/api-client';
import type { SessionView } from '../../../lib/session-api';
import { useApi } from '../../../lib/use-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { getPlacement, type PlacementPlaybook } from '../api/get-placement';
import { setUpPlaybook } from '../api/set-up-playbook';

/** `children` renders the role's own view once the placement has a playbook this person may see. */
export function PlacementHome({ session, children }: { session: SessionView; children: (playbook: PlacementPlaybook) => ReactNode }) {
  const { t } = useI18n();
  const placement = useApi(getPlacement);
  const role = session.roles[0];
  const greeting = session.user.name ? t('home.greeting', { name: session.user.name }) : t('home.greetingAnonymous');
  const playbook = placement.status === 'ready' ? placement.data.playbook : null;
  const visible = playbook && (role === 'teacher' || playbook.status === 'published');
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
      {placement.status === 'ready' && !playbook && role === 'teacher' ? <SetUpPlaybook onCreated={placement.reload} /> : null}
      {placement.status === 'ready' && !visible && role && role !== 'teacher' ? <p>{t('home.studentWaiting')}</p> : null}
      {visible && role ? children(playbook) : null}
    </section>
  );
}

function SetUpPlaybook({ onCreated }: { onCreated: () => void }) {
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
