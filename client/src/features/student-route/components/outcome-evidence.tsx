// One outcome's evidence: the items of the open attempt, ways to add more, the self-assessment, and handing in.
import { useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import { submitAttempt } from '../api/submit-attempt';
import type { Attempt, PublishedOutcome } from '../api/types';
import { EvidenceForms } from './evidence-forms';
import { EvidenceItems } from './evidence-items';
import { SelfAssessmentForm } from './self-assessment-form';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

interface OutcomeEvidenceProps {
  outcome: PublishedOutcome;
  attempts: Attempt[];
  windows: { id: string; from: string; until: string }[];
  selfAssess: boolean;
  onChanged: () => void;
}

export function OutcomeEvidence({ outcome, attempts, windows, selfAssess, onChanged }: OutcomeEvidenceProps) {
  const { t, language } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const draft = attempts.find((a) => a.status === 'draft');
  const waiting = attempts.find((a) => a.status === 'submitted');
  const next = windows.filter((w) => new Date(w.until) > new Date()).sort((a, b) => a.from.localeCompare(b.from))[0];
  async function handIn(attempt: Attempt) {
    setBusy(true);
    setError(null);
    try {
      await submitAttempt(attempt.id);
      onChanged();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <article className="card" aria-labelledby={`evidence-${outcome.id}`}>
      <h3 id={`evidence-${outcome.id}`}>{outcome.title}</h3>
      {windows.length > 0 && next ? <p className="muted">{t('student.evidence.window', { from: formatDate(language, next.from), until: formatDate(language, next.until) })}</p> : null}
      {waiting ? <p className="status-note">{t('student.evidence.waiting', { number: waiting.number })}</p> : null}
      {draft ? <EvidenceItems items={draft.items} /> : waiting ? null : <p className="muted">{t('student.evidence.noneYet')}</p>}
      {!waiting ? <EvidenceForms outcomeId={outcome.id} onAdded={onChanged} /> : null}
      {draft && selfAssess ? <SelfAssessmentForm attempt={draft} criteria={outcome.rubric.criteria} onSaved={onChanged} /> : null}
      {draft ? (
        <button type="button" onClick={() => void handIn(draft)} disabled={busy || draft.items.length === 0}>
          {t('student.evidence.handIn', { title: outcome.title })}
        </button>
      ) : null}
      {error ? <StudentError error={error} /> : null}
    </article>
  );
}
