// What the playbook endpoints answer: the teacher's full design, and the published part students may read.
import { ACTIVITY_TYPES } from '../../domain/activity-grid';
import { playbookCoverage } from '../../domain/coverage';
import type { LearningOutcome } from '../../domain/outcome';
import { outcomePublishProblems } from '../../domain/outcome-publishing';
import { composeOutcomeStatement } from '../../domain/outcome-statement';
import { PLAYCARD_ALIGNMENT_KEY, playcardFor } from '../../domain/playcards';
import { LEVEL_NAME_KEYS } from '../../domain/self-direction';
import type { StoredPlaybook } from './data/playbook-repository';

/** An outcome as the designer shows it: as written, its composed statement, and what still stops publishing it. */
export function outcomeDesignView(outcome: LearningOutcome) {
  return { ...outcome, statement: composeOutcomeStatement(outcome.tuning), publishProblems: outcomePublishProblems(outcome) };
}

function frameView({ playbook }: StoredPlaybook) {
  return {
    id: playbook.id,
    title: playbook.title,
    description: playbook.description,
    status: playbook.status,
    publishedAt: playbook.publishedAt ?? null,
    courseStartDate: playbook.courseStartDate ?? null,
    selfDirectionLevel: playbook.selfDirectionLevel,
    selfDirectionLevelKey: LEVEL_NAME_KEYS[playbook.selfDirectionLevel],
    activities: playbook.activities,
    coverage: playbookCoverage(playbook),
    recommendedRoute: playbook.recommendedRoute,
    rules: playbook.rules,
    assessmentWindows: playbook.assessmentWindows,
  };
}

/** Outcomes in the order the playbook lists them. */
function ownOutcomes({ playbook, outcomes }: StoredPlaybook): LearningOutcome[] {
  return playbook.outcomeIds.flatMap((id) => outcomes.filter((o) => o.id === id));
}

export function designView(stored: StoredPlaybook) {
  return {
    ...frameView(stored),
    revision: stored.revision,
    updatedAt: stored.updatedAt,
    outcomes: ownOutcomes(stored).map(outcomeDesignView),
    playcards: { alignmentKey: PLAYCARD_ALIGNMENT_KEY, cards: ACTIVITY_TYPES.map(playcardFor) },
  };
}

/** Before starting, a student reads the published outcomes in plain words with their criteria, and the catalogue to choose from. */
export function publishedView(stored: StoredPlaybook) {
  const outcomes = ownOutcomes(stored)
    .filter((o) => o.status === 'published')
    .map((o) => ({
      id: o.id,
      title: o.title,
      statement: composeOutcomeStatement(o.tuning),
      indicators: o.indicators,
      possibleEvidence: o.possibleEvidence,
      assessments: o.assessments,
      rubric: o.rubric,
      publishedAt: o.publishedAt ?? null,
    }));
  return { ...frameView(stored), outcomes };
}
