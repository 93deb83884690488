// The teacher's choice when placing Playroute in a course: a new playbook, one of this course, or a copy from another course.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useApi } from '../../../lib/use-api';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { getDeepLinkingOptions, type PlaybookOption } from '../api/get-options';
import { sendPlacementChoice, type PlacementChoice } from '../api/send-choice';
import { postToLms } from './post-to-lms';

export function DeepLinkingPicker() {
  const { t } = useI18n();
  const options = useApi(getDeepLinkingOptions);
  const [title, setTitle] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function choose(choice: PlacementChoice) {
    setSending(true);
    setError(null);
    try {
      const answer = await sendPlacementChoice(choice);
      postToLms(answer.returnUrl, answer.jwt);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      setSending(false);
    }
  }

  function createNew(event: FormEvent) {
    event.preventDefault();
    if (title.trim()) void choose({ kind: 'new', title: title.trim() });
  }

  return (
    <section aria-labelledby="dl-title">
      <h1 id="dl-title">{t('deepLinking.title')}</h1>
      <p>{t('deepLinking.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      <form onSubmit={createNew} className="card">
        <h2>{t('deepLinking.new')}</h2>
        <label htmlFor="new-title">{t('deepLinking.newTitle')}</label>
        <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
        <button type="submit" disabled={sending || !title.trim()}>
          {t('deepLinking.create')}
        </button>
      </form>
      {options.status === 'loading' ? <Loading /> : null}
      {options.status === 'error' ? <ErrorMessage error={options.error} onRetry={options.reload} /> : null}
      {options.status === 'ready' ? (
        <>
          <PlaybookList
            heading={t('deepLinking.thisCourse')}
            empty={t('deepLinking.noneHere')}
            playbooks={options.data.thisCourse}
            action={t('deepLinking.place')}
            disabled={sending}
            onPick={(id) => void choose({ kind: 'existing', playbookId: id })}
          />
          <PlaybookList
            heading={t('deepLinking.otherCourses')}
            empty={t('deepLinking.noneElsewhere')}
            playbooks={options.data.otherCourses}
            action={t('deepLinking.copy')}
            disabled={sending}
            onPick={(id) => void choose({ kind: 'copy', playbookId: id })}
          />
        </>
      ) : null}
      {sending ? <Loading /> : null}
    </section>
  );
}

function PlaybookList(props: {
  heading: string;
  empty: string;
  playbooks: PlaybookOption[];
  action: string;
  disabled: boolean;
  onPick: (id: string) => void;
}) {
  return (
    <div className="card">
      <h2>{props.heading}</h2>
      {props.playbooks.length === 0 ? <p className="muted">{props.empty}</p> : null}
      <ul className="plain-list">
        {props.playbooks.map((playbook) => (
          <li key={playbook.id}>
            <span>{playbook.title}</span>
            <button type="button" disabled={props.disabled} onClick={() => props.onPick(playbook.id)} aria-label={`${props.action}: ${playbook.title}`}>
              {props.action}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
