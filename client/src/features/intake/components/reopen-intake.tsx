// A teacher opens a submitted intake again (the student made a mistake): the student can change and submit it once
// more. The server records who reopened it and when; the reason, if given, is what the student reads.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { useReopenIntake } from '../api/intake-staff-actions';
import type { StudentIntake } from '../api/intake-staff-api';
import { ActionError } from './diagnostic-reviews';

export function ReopenIntake({ intake }: { intake: StudentIntake }) {
  const { t } = useI18n();
  const reopen = useReopenIntake(intake.student.id);
  const [reason, setReason] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = reason.trim();
    reopen.mutate({ version: intake.response?.version ?? 0, ...(trimmed ? { reason: trimmed } : {}) }, { onSuccess: () => setReason('') });
  };
  return (
    <form onSubmit={onSubmit} className="card" aria-labelledby="reopen-intake-title" style={{ display: 'grid', gap: '0.5rem' }}>
      <h5 id="reopen-intake-title" style={{ margin: 0 }}>
        {t('intakeStaff.reopen.title')}
      </h5>
      <p className="muted" style={{ margin: 0 }}>
        {t('intakeStaff.reopen.intro')}
      </p>
      <label className="field" style={{ display: 'grid', gap: '0.25rem' }}>
        {t('intakeStaff.reopen.reason')}
        <textarea rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <p style={{ margin: 0 }}>
        <button type="submit" disabled={reopen.isPending}>
          {t('intakeStaff.reopen.submit')}
        </button>
      </p>
      <div aria-live="polite">{reopen.isError ? <ActionError error={reopen.error} /> : null}</div>
    </form>
  );
}
