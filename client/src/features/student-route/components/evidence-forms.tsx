// Ways to add evidence: a text, a link, a prior-learning or work-experience claim, or a file (uploaded with a progress bar).
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../i18n/i18n-context';
import { addEvidence, type NewEvidence } from '../api/add-evidence';
import { FileUpload } from './file-upload';
import { StudentError } from './student-error';
import { toApiError } from './to-api-error';

const CLAIMS = ['prior_learning', 'work_experience'] as const;
type Claim = (typeof CLAIMS)[number];

export function EvidenceForms({ outcomeId, onAdded }: { outcomeId: string; onAdded: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [linkTitle, setLinkTitle] = useState('');
  const [claim, setClaim] = useState<Claim>('prior_learning');
  const [claimText, setClaimText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  async function add(evidence: NewEvidence, clear: () => void) {
    setError(null);
    try {
      await addEvidence(outcomeId, evidence);
      clear();
      onAdded();
    } catch (err) {
      setError(toApiError(err));
    }
  }
  const id = (name: string) => `${name}-${outcomeId}`;
  return (
    <div className="evidence-forms">
      <form
        className="stacked-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void add({ kind: 'text', text: text.trim() }, () => setText(''));
        }}
      >
        <label htmlFor={id('text')}>{t('student.evidence.text')}</label>
        <textarea id={id('text')} value={text} rows={4} maxLength={50000} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={!text.trim()}>
          {t('student.evidence.addText')}
        </button>
      </form>
      <form
        className="stacked-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void add({ kind: 'link', url: url.trim(), ...(linkTitle.trim() ? { title: linkTitle.trim() } : {}) }, () => {
            setUrl('');
            setLinkTitle('');
          });
        }}
      >
        <label htmlFor={id('url')}>{t('student.evidence.url')}</label>
        <input id={id('url')} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        <label htmlFor={id('link-title')}>{t('student.evidence.linkTitle')}</label>
        <input id={id('link-title')} value={linkTitle} maxLength={200} onChange={(e) => setLinkTitle(e.target.value)} />
        <button type="submit" disabled={!url.trim()}>
          {t('student.evidence.addLink')}
        </button>
      </form>
      <form
        className="stacked-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void add({ kind: 'prior-learning', claim, description: claimText.trim() }, () => setClaimText(''));
        }}
      >
        <fieldset>
          <legend>{t('student.evidence.claim')}</legend>
          <label htmlFor={id('claim-kind')}>{t('student.evidence.claimKind')}</label>
          <select id={id('claim-kind')} value={claim} onChange={(e) => setClaim(e.target.value as Claim)}>
            {CLAIMS.map((c) => (
              <option key={c} value={c}>
                {t(`student.evidence.claimKind.${c}`)}
              </option>
            ))}
          </select>
          <label htmlFor={id('claim-description')}>{t('student.evidence.claimDescription')}</label>
          <textarea id={id('claim-description')} value={claimText} rows={4} maxLength={10000} onChange={(e) => setClaimText(e.target.value)} />
          <button type="submit" disabled={!claimText.trim()}>
            {t('student.evidence.addClaim')}
          </button>
        </fieldset>
      </form>
      <FileUpload outcomeId={outcomeId} onUploaded={onAdded} />
      {error ? <StudentError error={error} /> : null}
    </div>
  );
}
