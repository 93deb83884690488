// The teacher's choice when placing Playroute in a course: a new playbook, one of this course, or a copy from another course.
import { useState, type FormEvent } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useDeepLinkingOptionsQuery, type PlaybookOption } from '../api/get-options';
import { useSendPlacementChoiceMutation, type PlacementChoice } from '../api/send-choice';
import { postToLms } from './post-to-lms';

export function DeepLinkingPicker() {
  const { t } = useI18n();
  const options = useDeepLinkingOptionsQuery();
  const [title, setTitle] = useState('');
  const send = useSendPlacementChoiceMutation((answer) => postToLms(answer.returnUrl, answer.jwt));
  // Still "sending" after success: the page is on its way to the LMS, so nothing may be picked twice.
  const sending = send.isPending || send.isSuccess;
  const error = send.error;

  function choose(choice: PlacementChoice) {
    send.mutate(choice);
  }

  function createNew(event: FormEvent) {
    event.preventDefault();
    if (title.trim()) choose({ kind: 'new', title: title.trim() });
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
      {options.isPending ? <Loading /> : null}
      {options.isError ? <ErrorMessage error={options.error} onRetry={() => void options.refetch()} /> : null}
      {options.isSuccess ? (
        <>
          <PlaybookList
            heading={t('deepLinking.thisCourse')}
            empty={t('deepLinking.noneHere')}
            playbooks={options.data.thisCourse}
            action={t('deepLinking.place')}
            disabled={sending}
            onPick={(id) => choose({ kind: 'existing', playbookId: id })}
          />
          <PlaybookList
            heading={t('deepLinking.otherCourses')}
            empty={t('deepLinking.noneElsewhere')}
            playbooks={options.data.otherCourses}
            action={t('deepLinking.copy')}
            disabled={sending}
            onPick={(id) => choose({ kind: 'copy', playbookId: id })}
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
