// The teacher's grading desk: the queue, one attempt beside its rubric, and where each grade is on its way to the gradebook.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { SessionView } from '../../../lib/session-api';
import { useI18n } from '../../../i18n/i18n-context';
import { useRosterQuery } from '../api/get-roster';
import { useGradingQueueQuery } from '../api/get-queue';
import { attemptKey } from '../api/get-attempt';
import { deliveriesKey } from '../api/get-deliveries';
import { gradebookKey } from '../api/get-gradebook';
import { AttemptReview } from './attempt-review';
import { DeliveryList } from './delivery-list';
import { GradingSettings } from './grading-settings';
import { GradingQueueView } from './grading-queue';
import { emptyDraft, type GradeDraft } from './grade-draft';
import type { Notice } from '../../../components/notice';

export function GradingHome({ session }: { session: SessionView }) {
  const { t } = useI18n();
  const queue = useGradingQueueQuery();
  const roster = useRosterQuery();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  // Drafts live here, per attempt: a failed save or switching attempts never loses a half-filled form.
  const [drafts, setDrafts] = useState<Record<string, GradeDraft>>({});
  const [notice, setNotice] = useState<Notice | null>(null);

  const names = useMemo(() => new Map((roster.data?.members ?? []).map((m) => [m.id, m.name ?? m.email ?? m.id])), [roster.data]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const outcomeTitles = new Map((queue.data?.perOutcome ?? []).map((o) => [o.outcomeId, o.title]));

  function finished(attemptId: string, message: Notice) {
    setDrafts(({ [attemptId]: _done, ...rest }) => rest);
    setSelected(null);
    setNotice(message);
    void queue.refetch();
    // The attempt changed on the server: opened again, it is read afresh rather than shown as it was.
    queryClient.removeQueries({ queryKey: attemptKey(attemptId) });
    // The grade is on its way: the delivery list reads again (and polls while it waits), the gradebook check asks the LMS again.
    void queryClient.invalidateQueries({ queryKey: deliveriesKey });
    void queryClient.invalidateQueries({ queryKey: gradebookKey });
  }

  return (
    <section aria-labelledby="grading-title" className="grading">
      <h2 id="grading-title">{t('grading.title')}</h2>
      <p className="muted">{t('grading.intro')}</p>
      <div aria-live="polite">{notice ? <p className="notice">{t(notice.key, notice.params)}</p> : null}</div>
      <GradingQueueView queue={queue} nameOf={nameOf} selected={selected} onSelect={(id) => { setNotice(null); setSelected(id); }} />
      {selected ? (
        <AttemptReview
          key={selected}
          attemptId={selected}
          nameOf={nameOf}
          outcomeTitle={(id) => outcomeTitles.get(id) ?? id}
          draft={drafts[selected] ?? emptyDraft()}
          onDraft={(draft) => setDrafts((all) => ({ ...all, [selected]: draft }))}
          onClose={() => setSelected(null)}
          onDone={(message) => finished(selected, message)}
        />
      ) : null}
      <DeliveryList nameOf={nameOf} />
      {/* The settings are the teacher's; an assistant who grades reads them. */}
      <GradingSettings canEdit={session.roles.includes('teacher')} />
    </section>
  );
}
