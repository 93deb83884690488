// Composes the student's sections around one route view, which every successful change replaces.
import { useState } from 'react';
import type { PublishedPlaybook, RouteView } from '../api/types';
import { EvidenceSection } from './evidence-section';
import { LearningGoals } from './learning-goals';
import { OutcomeOverview } from './outcome-overview';
import { OwnActivityProposals } from './own-activity-proposals';
import { PlaybookGrid } from './playbook-grid';
import { ProgressPanel } from './progress-panel';
import { RouteComposer } from './route-composer';
import { choosableActivities } from './route-rules';
import { SessionsPanel } from './sessions-panel';
import { StandingPanel } from './standing-panel';
import { StudyPlanForm } from './study-plan-form';
import { useRouteDraft } from './use-route-draft';

export function StudentWorkspace({ playbook, view, onView }: { playbook: PublishedPlaybook; view: RouteView; onView: (v: RouteView) => void }) {
  const own = view.route.ownActivities.filter((a) => a.status !== 'rejected');
  const catalogue = choosableActivities(playbook, own);
  const draft = useRouteDraft(view.route.entries.map((e) => e.activityId));
  const [evidenceChanges, setEvidenceChanges] = useState(0);
  const titleOf = (id: string) => catalogue.get(id)?.title ?? id;
  const editable = view.level.may.composeRoute && view.route.status !== 'submitted';
  return (
    <>
      <OutcomeOverview outcomes={playbook.outcomes} />
      <PlaybookGrid activities={playbook.activities} chosen={draft.ids} titleOf={titleOf} canCompose={editable} onAdd={draft.add} onRemove={draft.remove} />
      <RouteComposer playbook={playbook} view={view} onView={onView} draft={draft} catalogue={catalogue} />
      <ProgressPanel view={view} onView={onView} catalogue={catalogue} />
      <SessionsPanel routeIds={view.route.entries.filter((e) => e.status !== 'skipped').map((e) => e.activityId)} />
      <StudyPlanForm view={view} onView={onView} />
      {view.level.may.setLearningGoals ? <LearningGoals view={view} onView={onView} /> : null}
      {view.level.may.proposeActivities || view.route.ownActivities.length > 0 ? <OwnActivityProposals view={view} onView={onView} /> : null}
      <EvidenceSection playbook={playbook} selfAssess={view.level.may.selfAssess} onChanged={() => setEvidenceChanges((n) => n + 1)} />
      <StandingPanel outcomes={playbook.outcomes} version={evidenceChanges} />
    </>
  );
}
