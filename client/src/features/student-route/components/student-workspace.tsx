// Composes the student's sections around one route view, which every successful change replaces, as four steps:
// understand the outcome → choose a route → work and hand in → feedback. One step shows at a time, so the page
// stays short inside an LMS iframe; the route draft lives here, so leaving the route step keeps unsaved changes.
import { useRef, useState } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
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
import { StepNav, StepPager } from './step-nav';
import { stepForState, type StudentStep } from './student-steps';
import { StudyPlanForm } from './study-plan-form';
import { useRouteDraft } from './use-route-draft';
import { useStudentStep } from './use-student-step';

interface StudentWorkspaceProps {
  playbook: PublishedPlaybook;
  view: RouteView;
  onView: (v: RouteView) => void;
  /** The teacher graded at least one outcome when the page opened. */
  graded: boolean;
}

export function StudentWorkspace({ playbook, view, onView, graded }: StudentWorkspaceProps) {
  const { t } = useI18n();
  const own = view.route.ownActivities.filter((a) => a.status !== 'rejected');
  const catalogue = choosableActivities(playbook, own);
  const draft = useRouteDraft(view.route.entries.map((e) => e.activityId));
  const [evidenceChanges, setEvidenceChanges] = useState(0);
  const [step, setStep] = useStudentStep(playbook.id, stepForState({ routeStatus: view.route.status, graded }));
  const navRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const titleOf = (id: string) => catalogue.get(id)?.title ?? id;
  const editable = view.level.may.composeRoute && view.route.status !== 'submitted';

  function choose(next: StudentStep) {
    setStep(next);
    // The new step starts at the top: bring the steps into view and put focus on the step, for keyboard and screen reader.
    requestAnimationFrame(() => {
      navRef.current?.scrollIntoView({ block: 'start' });
      panelRef.current?.focus({ preventScroll: true });
    });
  }

  return (
    <>
      <div ref={navRef}>
        <StepNav current={step} onChoose={choose} states={{ route: t(`student.approval.${view.route.status}`) }} />
      </div>
      <div ref={panelRef} className="student-step" role="region" aria-label={t(`student.steps.${step}`)} tabIndex={-1}>
        {step === 'outcome' ? <OutcomeOverview outcomes={playbook.outcomes} /> : null}
        {step === 'route' ? (
          <>
            <PlaybookGrid activities={playbook.activities} chosen={draft.ids} titleOf={titleOf} canCompose={editable} onAdd={draft.add} onRemove={draft.remove} />
            <RouteComposer playbook={playbook} view={view} onView={onView} draft={draft} catalogue={catalogue} />
            {view.level.may.proposeActivities || view.route.ownActivities.length > 0 ? <OwnActivityProposals view={view} onView={onView} /> : null}
          </>
        ) : null}
        {step === 'work' ? (
          <>
            <ProgressPanel view={view} onView={onView} catalogue={catalogue} />
            <SessionsPanel routeIds={view.route.entries.filter((e) => e.status !== 'skipped').map((e) => e.activityId)} />
            <StudyPlanForm view={view} onView={onView} />
            {view.level.may.setLearningGoals ? <LearningGoals view={view} onView={onView} /> : null}
            <EvidenceSection playbook={playbook} selfAssess={view.level.may.selfAssess} onChanged={() => setEvidenceChanges((n) => n + 1)} />
          </>
        ) : null}
        {step === 'feedback' ? <StandingPanel outcomes={playbook.outcomes} version={evidenceChanges} /> : null}
        <StepPager current={step} onChoose={choose} />
      </div>
    </>
  );
}
