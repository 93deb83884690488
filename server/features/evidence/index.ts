// The evidence feature: a student's attempts at an outcome (evidence, files, self-assessment, hand-in) and their own results.
// The assessment feature grades these attempts with the same dependencies (EvidenceDeps), built once here.
import type { Router } from 'express';
import { createEvidenceDeps, type EvidenceDeps } from './deps';
import { evidenceRoutes } from './routes';

export { createEvidenceDeps } from './deps';
export type { EvidenceDeps } from './deps';
export { isPriorLearningClaim, WAITING_STATUSES } from './use-cases/attempt';
export type { Attempt, AttemptStatus } from './use-cases/attempt';
export { placementPlaybook, publishedOutcome } from './use-cases/placement-context';
/** The body of an assessment (rubric scores and comment): a student's self-assessment and a grader's share it. */
export { assessmentSchema, type AssessmentBody } from './schemas';

export interface EvidenceFeature {
  router: Router;
  deps: EvidenceDeps;
}

export function createEvidenceFeature(props: Parameters<typeof createEvidenceDeps>[0]): EvidenceFeature {
  const deps = createEvidenceDeps(props);
  return { deps, router: evidenceRoutes(deps) };
}
