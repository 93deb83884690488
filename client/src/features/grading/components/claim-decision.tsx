// A second (or third) assessor's pass or fail on a prior-learning claim, beside the decisions made so far.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { decideClaim } from '../api/decide-claim';
import type { Attempt, FourEyesStatus } from '../api/get-attempt';
import { SaveFailure } from './save-failure';

interface Props {
  attempt: Attempt;
  fourEyes: FourEyesStatus | undefined;
  nameOf: (id: string) => string;
  onDone: () => void;
}

export function ClaimDecision({ attempt, fourEyes, nameOf, onDone }: Props) {
  const { t } = useI18n();
  const [verdict, setVerdict] = useState<'pass' | 'fail' | null>(null);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [chooseFirst, setChooseFirst] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChooseFirst(!verdict);
    if (!verdict) return;
    setSaving(true);
    setError(null);
    try {
      await decideClaim(attempt.id, { verdict, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      setSaving(false);
    }
  }

  return (
    <form className="rubric-form" onSubmit={(e) => void submit(e)} noValidate>
      <h4>{t('grading.claim.title')}</h4>
      <p>{fourEyes?.state === 'disputed' ? t('grading.claim.disputed') : t('grading.claim.intro')}</p>
      <h5>{t('grading.claim.decisions')}</h5>
      <ul className="plain-list">
        {(attempt.fourEyes?.decisions ?? []).map((d) => (
          <li key={`${d.assessorId}-${d.decidedAt}`}>
            <span>
              {t('grading.claim.decision', { assessor: nameOf(d.assessorId), verdict: t(`grading.claim.verdict.${d.verdict}`) })}
              {d.comment ? <span className="muted"> — {d.comment}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      <fieldset className="criterion">
        <legend>{t('grading.claim.verdict')}</legend>
        {(['pass', 'fail'] as const).map((v) => (
          <label key={v} className={verdict === v ? 'level chosen' : 'level'} htmlFor={`verdict-${v}`}>
            <input type="radio" id={`verdict-${v}`} name="verdict" value={v} checked={verdict === v} onChange={() => setVerdict(v)} />
            <span>{t(v === 'pass' ? 'grading.claim.pass' : 'grading.claim.fail')}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="verdict-comment">{t('grading.claim.comment')}</label>
        <textarea id="verdict-comment" rows={3} maxLength={10_000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {chooseFirst ? (
        <p role="alert" className="error-box">
          {t('grading.claim.choose')}
        </p>
      ) : null}
      <SaveFailure error={error} />
      <button type="submit" disabled={saving}>
        {saving ? t('grading.rubric.saving') : t('grading.claim.save')}
      </button>
    </form>
  );
}
