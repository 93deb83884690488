// A student's route history for the coach: what changed, by whom and when, newest first, opened on request.
import { useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { formatDate } from '../../../i18n/format-date';
import { useI18n } from '../../../i18n/i18n-context';
import { useRouteHistoryQuery, type RouteHistoryEntry } from '../api/get-route-history';

const KINDS = [
  'created',
  'entries_saved',
  'status_changed',
  'progress',
  'level_set',
  'goal_added',
  'goal_removed',
  'activity_proposed',
  'proposal_reviewed',
  'study_plan_saved',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);
const STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
const isStatus = (value: unknown): value is (typeof STATUSES)[number] => (STATUSES as readonly unknown[]).includes(value);

export function RouteHistory({ studentId, name, titleOf }: { studentId: string; name: string; titleOf: (activityId: string) => string }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const history = useRouteHistoryQuery(studentId, open);
  const entries = [...(history.data?.history ?? [])].reverse();

  const who = (e: RouteHistoryEntry) => (e.actorId === studentId ? name : t(e.actorRole === 'teacher' ? 'coach.history.byTeacher' : 'coach.history.byCoach'));
  const titles = (ids: string[] | undefined) => (ids ?? []).map(titleOf).join(', ');
  const what = (e: RouteHistoryEntry): string => {
    const c = e.change;
    if (!isKind(c.kind)) return t('coach.history.other');
    switch (c.kind) {
      case 'created':
        return t('coach.history.created', { activities: titles(c.activityIds) });
      case 'entries_saved':
        return t('coach.history.entries_saved', { added: titles(c.added) || '–', removed: titles(c.removed) || '–' });
      case 'status_changed':
        return t('coach.history.status_changed', { to: isStatus(c.to) ? t(`coach.route.status.${c.to}`) : String(c.to ?? '') }) + (c.comment ? ` “${c.comment}”` : '');
      case 'progress':
        return t('coach.history.progress', { activity: titleOf(c.activityId ?? ''), to: String(c.to ?? '') });
      case 'level_set':
        return t('coach.history.level_set', { to: c.to === null || c.to === undefined ? '–' : String(c.to) });
      case 'goal_added':
        return t('coach.history.goal_added', { text: c.text ?? '' });
      case 'activity_proposed':
        return t('coach.history.activity_proposed', { title: c.title ?? '' });
      case 'proposal_reviewed':
        return t('coach.history.proposal_reviewed', { decision: c.decision ?? '' });
      default:
        return t(`coach.history.${c.kind}`);
    }
  };

  return (
    <section className="sub-card" aria-labelledby={`route-history-${studentId}`}>
      <h4 id={`route-history-${studentId}`}>{t('coach.history.title')}</h4>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? t('coach.history.hide') : t('coach.history.show')}
      </button>
      {open && history.isPending ? <Loading /> : null}
      {open && history.isError ? <ErrorMessage error={history.error} onRetry={() => void history.refetch()} /> : null}
      {open && history.isSuccess && entries.length === 0 ? <p>{t('coach.history.empty')}</p> : null}
      {open && entries.length > 0 ? (
        <ol className="history-list">
          {entries.map((e) => (
            <li key={`${e.version}-${e.at}`}>
              <time dateTime={e.at}>{formatDate(language, e.at, 'dateTime')}</time> · {who(e)} · {what(e)}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
