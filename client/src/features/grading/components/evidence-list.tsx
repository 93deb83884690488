// The evidence of an attempt, as the student handed it in: files to download, links, texts and prior-learning claims.
import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import { safeHref } from '../../../lib/safe-href';
import { downloadEvidenceFile } from '../api/download-file';
import type { Attempt, EvidenceItem } from '../api/get-attempt';
import { formatSize } from './format';

export function EvidenceList({ attempt }: { attempt: Attempt }) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  async function download(fileId: string, filename: string) {
    setError(null);
    try {
      await downloadEvidenceFile(fileId, filename);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
    }
  }
  return (
    <div className="evidence">
      <h4>{t('grading.evidence.title')}</h4>
      {error ? <ErrorMessage error={error} /> : null}
      {attempt.items.length === 0 ? <p className="muted">{t('grading.evidence.empty')}</p> : null}
      <ul className="plain-list evidence-list">
        {attempt.items.map((item) => (
          <li key={item.id}>
            <Item item={item} onDownload={(id, name) => void download(id, name)} />
          </li>
        ))}
      </ul>
      {attempt.selfAssessment?.comment ? (
        <div>
          <h5>{t('grading.evidence.selfComment')}</h5>
          <p className="evidence-text">{attempt.selfAssessment.comment}</p>
        </div>
      ) : null}
    </div>
  );
}

function Item({ item, onDownload }: { item: EvidenceItem; onDownload: (fileId: string, filename: string) => void }) {
  const { t } = useI18n();
  switch (item.kind) {
    case 'file':
      return (
        <button type="button" className="link-button" onClick={() => onDownload(item.file.fileId, item.file.filename)}>
          {t('grading.evidence.download', { filename: item.file.filename, size: formatSize(item.file.size) })}
        </button>
      );
    case 'link':
      return (
        <span>
          {t('grading.evidence.link')}:{' '}
          <a href={safeHref(item.url)} target="_blank" rel="noopener noreferrer">
            {item.title ?? item.url}
          </a>
        </span>
      );
    case 'text':
      return (
        <div>
          <span className="muted">{t('grading.evidence.text')}</span>
          <p className="evidence-text">{item.text}</p>
        </div>
      );
    case 'prior-learning':
      return (
        <div>
          <strong>{t(`grading.evidence.claim.${item.claim}`)}</strong>
          <p className="evidence-text">{item.description}</p>
        </div>
      );
  }
}
