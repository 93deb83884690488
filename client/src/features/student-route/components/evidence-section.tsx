// Handing in evidence per outcome when the student is ready: the open attempt, what it holds, and what has been handed in.
import { useEffect, useState } from 'react';
import { useApi } from '../../../lib/use-api';
import { Loading } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { listAttempts } from '../api/list-attempts';
import type { Attempt, PublishedPlaybook } from '../api/types';
import { OutcomeEvidence } from './outcome-evidence';
import { StudentError } from './student-error';

export function EvidenceSection({ playbook, selfAssess, onChanged }: { playbook: PublishedPlaybook; selfAssess: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const attempts = useApi(listAttempts);
  // Keep showing the last answer while reloading, so the forms (and a chosen file) stay mounted.
  const [shown, setShown] = useState<Attempt[] | null>(null);
  const ready = attempts.status === 'ready' ? attempts.data.attempts : null;
  useEffect(() => {
    if (ready) setShown(ready);
  }, [ready]);
  const changed = () => {
    attempts.reload();
    onChanged();
  };
  return (
    <section aria-labelledby="evidence-title" className="student-section">
      <h2 id="evidence-title">{t('student.evidence.title')}</h2>
      <p className="muted">{t('student.evidence.intro')}</p>
      {attempts.status === 'loading' && !shown ? <Loading /> : null}
      {attempts.status === 'error' ? <StudentError error={attempts.error} onRetry={attempts.reload} /> : null}
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
