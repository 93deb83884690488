// Handing in evidence per outcome when the student is ready: the open attempt, what it holds, and what has been handed in.
import { useEffect, useState } from 'react';
import { Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { useAttemptsQuery } from '../api/list-attempts';
import type { Attempt, PublishedPlaybook } from '../api/types';
import { OutcomeEvidence } from './outcome-evidence';
import { StudentError } from './student-error';

export function EvidenceSection({ playbook, selfAssess, onChanged }: { playbook: PublishedPlaybook; selfAssess: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const attempts = useAttemptsQuery();
  // Keep showing the last answer while reloading, so the forms (and a chosen file) stay mounted.
  const [shown, setShown] = useState<Attempt[] | null>(null);
  const ready = attempts.data?.attempts ?? null;
  useEffect(() => {
    if (ready) setShown(ready);
  }, [ready]);
  const changed = () => {
    void attempts.refetch();
    onChanged();
  };
  return (
    <section aria-labelledby="evidence-title" className="student-section">
      <h2 id="evidence-title">{t('student.evidence.title')}</h2>
      <p className="muted">{t('student.evidence.intro')}</p>
      {attempts.isPending && !shown ? <Loading /> : null}
      {attempts.isError ? <StudentError error={attempts.error} onRetry={() => void attempts.refetch()} /> : null}
      {shown
        ? playbook.outcomes.map((outcome) => (
            <OutcomeEvidence
              key={outcome.id}
              outcome={outcome}
              attempts={shown.filter((a) => a.outcomeId === outcome.id)}
              windows={playbook.assessmentWindows}
              selfAssess={selfAssess}
              onChanged={changed}
            />
          ))
        : null}
    </section>
  );
}
