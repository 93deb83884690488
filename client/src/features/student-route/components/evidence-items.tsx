// What an attempt holds so far, each item by its kind.
import { useI18n } from '../../../i18n/i18n-context';
import { safeHref } from '../../../lib/safe-href';
import type { EvidenceItem } from '../api/types';

export function EvidenceItems({ items }: { items: EvidenceItem[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{t('student.evidence.noneYet')}</p>;
  return (
    <ul className="evidence-items">
      {items.map((item) => (
        <li key={item.id}>
          <strong>{t(`student.evidence.kind.${item.kind}`)}:</strong>{' '}
          {item.kind === 'file' ? `${item.file.filename} (${Math.max(1, Math.round(item.file.size / 1024))} kB)` : null}
          {item.kind === 'link' ? (
            <a href={safeHref(item.url)} target="_blank" rel="noreferrer">
              {item.title || item.url}
            </a>
          ) : null}
          {item.kind === 'text' ? <span className="evidence-text">{item.text.length > 200 ? `${item.text.slice(0, 200)}…` : item.text}</span> : null}
          {item.kind === 'prior-learning' ? `${t(`student.evidence.claimKind.${item.claim}`)}: ${item.description}` : null}
        </li>
      ))}
    </ul>
  );
}
