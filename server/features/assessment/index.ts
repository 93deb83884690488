// The assessment feature: the grading queue, grading and four-eyes decisions, grading settings and a student's standing.
// It works on the evidence feature's attempts (handed in as EvidenceDeps) and publishes results through a GradePublisher.
import type { Router } from 'express';
import type { EvidenceDeps } from '../evidence/index';
import { assessmentRoutes, type AssessmentDecisionEvent } from './routes';

export type { AssessmentDecisionEvent } from './routes';

export { noGradePublisher } from './grade-publisher';
export type { ActivityProgressPublication, FinalGradePublication, GradePublisher, OutcomeResultPublication } from './grade-publisher';
export { createGradingSettingsRepository } from './data/grading-settings-repository';
export type { GradingSettingsRepository } from './data/grading-settings-repository';
export { attemptGrade, placementStanding } from './use-cases/standing';
export type { PlacementStanding } from './use-cases/standing';

export interface AssessmentFeature {
  router: Router;
}

export function createAssessmentFeature(deps: { evidence: EvidenceDeps; onDecision?: (event: AssessmentDecisionEvent) => Promise<void> }): AssessmentFeature {
  return { router: assessmentRoutes(deps.evidence, deps.onDecision) };
}
