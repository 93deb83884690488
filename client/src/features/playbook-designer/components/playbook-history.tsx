// The playbook's history: when it was published or taken offline, and which criteria students had seen were changed, by whom.
import { ErrorMessage } from '../../../components/status';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import { useHistoryQuery, type HistoryEntry } from '../api/get-history';
import { useDesigner } from './designer-context';

export function PlaybookHistory() {
  const { t, language } = useI18n();
  const { design } = useDesigner();
  const history = useHistoryQuery(design.revision);
  const entries = history.data?.history ?? [];

  const what = (e: HistoryEntry) => {
    const title = e.outcomeTitle ?? '';
    if (e.action === 'outcome_changed') {
      return t('designer.history.outcome_changed', { title, parts: e.changes.map((c) => t(partKey(c))).join(', ') });
    }
    if (e.action === 'outcome_deleted') return t('designer.history.outcome_deleted', { title });
    return t(e.action === 'published' ? 'designer.history.published' : 'designer.history.unpublished');
  };

  return (
    <section className="sub-card" aria-labelledby="designer-history-title">
      <h4 id="designer-history-title">{t('designer.history.title')}</h4>
      {history.isError ? <ErrorMessage error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.data && entries.length === 0 ? <p className="hint">{t('designer.history.empty')}</p> : null}
      {entries.length > 0 ? (
        <ol className="history-list">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <time dateTime={e.at}>{formatDate(language, e.at, 'dateTime')}</time> · {what(e)} · {t('designer.history.by', { name: e.by.name ?? e.by.id })}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

const PARTS = ['title', 'tuning', 'indicators', 'possibleEvidence', 'assessments', 'rubric'] as const;

function partKey(part: string) {
  const known = PARTS.find((p) => p === part) ?? 'rubric';
  return `designer.guard.part.${known}` as const;
}
