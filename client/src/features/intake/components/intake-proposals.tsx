// What the intake proposes for the route: personal goals (from self-direction level 3) and activities per point below
// the target. Each is a button the student may press or leave: the route changes only when they take something in.
import { useState } from 'react';
import { ErrorMessage } from '../../../components/status';
import { useI18n } from '../../../i18n/i18n-context';
import type { IntakeDesign, IntakeResult } from '../api/intake-api';
import { useCatalogueQuery, useRouteEntriesQuery, useTakeIntoRoute } from '../api/intake-api';
import { pointTitle } from './intake-picture';

export function IntakeProposals({ design, result }: { design: IntakeDesign; result: IntakeResult }) {
  const { t } = useI18n();
  const hasActivities = result.activities.length > 0;
  const catalogue = useCatalogueQuery(hasActivities);
  const route = useRouteEntriesQuery(hasActivities);
  const take = useTakeIntoRoute();
  const [taken, setTaken] = useState<string[]>([]);
  const inRoute = new Set([...(route.data?.route.entries.map((e) => e.activityId) ?? []), ...taken]);
  const levelLabel = (outcomeId: string, rank: number) => design.outcomes.find((o) => o.outcomeId === outcomeId)?.levels.find((l) => l.rank === rank)?.label ?? String(rank);
  const goalText = (goal: IntakeResult['goals']['proposed'][number]) => t('intake.goal.text', { point: pointTitle(design, goal), to: levelLabel(goal.outcomeId, goal.toRank) });

  return (
    <>
      <h3>{t('intake.proposals.title')}</h3>
      <p className="muted">{t('intake.proposals.free')}</p>
      <div aria-live="polite">{take.isError ? <ErrorMessage error={take.error} /> : null}</div>
      <h4>{t('intake.goals.title')}</h4>
      {!result.goals.open ? <p>{t('intake.goals.closed')}</p> : null}
      {result.goals.open && result.goals.proposed.length === 0 ? <p>{t('intake.goals.none')}</p> : null}
      <ul>
        {result.goals.proposed.map((goal) => {
          const text = goalText(goal);
          const id = `goal:${text}`;
          return (
            <li key={id}>
              {text}{' '}
              {taken.includes(id) ? (
                <span className="muted">{t('intake.taken')}</span>
              ) : (
                <button type="button" aria-label={t('intake.takeGoalFor', { text })} disabled={take.isPending} onClick={() => take.mutate({ goal: text }, { onSuccess: () => setTaken([...taken, id]) })}>
                  {t('intake.takeGoal')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <h4>{t('intake.activities.title')}</h4>
      {!hasActivities ? <p>{t('intake.activities.none')}</p> : null}
      <ul>
        {result.activities.map((proposal) => {
          const title = catalogue.data?.activities.find((a) => a.id === proposal.activityId)?.title ?? proposal.activityId;
          const forPoints = proposal.forPoints.map((p) => pointTitle(design, p)).join('; ');
          return (
            <li key={proposal.activityId}>
              <strong>{title}</strong> <span className="muted">{t('intake.activities.for', { points: forPoints })}</span>{' '}
              {inRoute.has(proposal.activityId) ? (
                <span className="muted">{t('intake.inRoute')}</span>
              ) : (
                <button
                  type="button"
                  aria-label={t('intake.takeActivityFor', { title })}
                  disabled={take.isPending}
                  onClick={() => take.mutate({ activityId: proposal.activityId }, { onSuccess: () => setTaken([...taken, proposal.activityId]) })}
                >
                  {t('intake.takeActivity')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
