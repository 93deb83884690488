// Use case: everything a teacher needs beside an attempt: its evidence, the student's self-assessment against their judgement, and the history.
import { compareSelfAssessment, fourEyesStatus, type CriterionComparison, type FourEyesStatus } from '../../../domain/grading/index';
import type { LearningOutcome } from '../../../domain/outcome';
import type { LaunchSession } from '../../../lti/session-token';
import type { Attempt } from '../../evidence/index';
import type { EvidenceDeps } from '../../evidence/index';
import { placementPlaybook } from '../../evidence/index';
import { outcomeSettings, type OutcomeGradingSettings } from './grading-settings';
import { placementAttempt } from './placement-attempt';
import { outcomeStanding, type OutcomeStanding } from './standing';

export interface AttemptDetail {
  attempt: Attempt;
  outcome: LearningOutcome | undefined;
  settings: OutcomeGradingSettings;
  /** Per criterion: the student's level beside the teacher's (the teacher's side is empty until graded). */
  selfAssessment: CriterionComparison[];
  fourEyes?: FourEyesStatus;
  /** Every attempt of this student on this outcome, oldest first, this one included. */
  history: Attempt[];
  standing: OutcomeStanding;
}

export async function attemptDetail(deps: EvidenceDeps, { session, attemptId }: { session: LaunchSession; attemptId: string }): Promise<AttemptDetail> {
  const stored = await placementPlaybook(deps, session);
  const attempt = await placementAttempt(deps, { stored, attemptId });
  const outcome = stored.outcomes.find((o) => o.id === attempt.outcomeId);
  const [history, allSettings] = await Promise.all([
    deps.attempts.listForStudent(stored.playbook.id, attempt.studentId, attempt.outcomeId),
    deps.settings.get(stored.playbook.id),
  ]);
  const selfAssessment = outcome
    ? compareSelfAssessment({ rubric: outcome.rubric, ...(attempt.selfAssessment ? { self: attempt.selfAssessment } : {}), ...(attempt.assessment ? { teacher: attempt.assessment } : {}) })
    : [];
  return {
    attempt,
    outcome,
    settings: outcomeSettings(allSettings, attempt.outcomeId),
    selfAssessment,
    ...(attempt.fourEyes ? { fourEyes: fourEyesStatus(attempt.fourEyes) } : {}),
    history,
    standing: outcomeStanding({ outcomeId: attempt.outcomeId, attempts: history, settings: allSettings }),
  };
}
