// The first view of a placed link: greeting and course, and, until the placement has a playbook, how to get one.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SessionView } from '../../../lib/session-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { usePlacementQuery, type PlacementPlaybook } from '../api/get-placement';
import { useSetUpPlaybookMutation } from '../api/set-up-playbook';

/** `children` renders the role's own view once the placement has a playbook this person may see. */
export function PlacementHome({ session, children }: { session: SessionView; children: (playbook: PlacementPlaybook) => ReactNode }) {
  const { t } = useI18n();
  const placement = usePlacementQuery();
  const role = session.roles[0];
  const greeting = session.user.name ? t('home.greeting', { name: session.user.name }) : t('home.greetingAnonymous');
  const playbook = placement.data?.playbook ?? null;
  const visible = playbook && (role === 'teacher' || playbook.status === 'published');
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{greeting}</h1>
      <p className="muted">
        {session.context?.title ? t('home.course', { course: session.context.title }) : null}
        {role ? ` · ${t(`role.${role}`)}` : ''}
      </p>
      {!role ? <p>{t('home.noRole')}</p> : null}
      {placement.isPending ? <Loading /> : null}
      {placement.isError ? <ErrorMessage error={placement.error} onRetry={() => void placement.refetch()} /> : null}
      {placement.isSuccess && !playbook && role === 'teacher' ? <SetUpPlaybook /> : null}
      {placement.isSuccess && !visible && role && role !== 'teacher' ? <p>{t('home.studentWaiting')}</p> : null}
      {visible && role ? children(playbook) : null}
    </section>
  );
}

/** Once created, the placement query is read again (the mutation invalidates it) and the workspace replaces this form. */
function SetUpPlaybook() {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const setUp = useSetUpPlaybookMutation();
  function submit(event: FormEvent) {
    event.preventDefault();
    setUp.mutate(title.trim());
  }
  return (
    <form className="card" onSubmit={submit}>
      <h2>{t('playbook.setUpTitle')}</h2>
      <p>{t('playbook.setUpIntro')}</p>
      {setUp.error ? <ErrorMessage error={setUp.error} /> : null}
      <label htmlFor="playbook-title">{t('deepLinking.newTitle')}</label>
      <input id="playbook-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      <button type="submit" disabled={!title.trim() || setUp.isPending}>
        {t('deepLinking.create')}
      </button>
    </form>
  );
}
