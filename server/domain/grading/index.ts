// The grading domain's public surface: import from here, not from the individual files.

export * from './errors';
export { type Assessment, type CriterionJudgement, assessmentIssues, assertValidAssessment } from './assessment';
export { rubricIssues, assertUsableRubric } from './rubric-check';
export type { ScoringRule } from './scoring-rule';
export * from './outcome-result';
export * from './grade-input';
export * from './grade-scales';
export { type TenPointScale, type TenPointMapping, DEFAULT_PASS_MARK } from './scale-ten-point';
export type { OvgScale } from './scale-ovg';
export type { PassFailScale } from './scale-pass-fail';
export type { PointsScale } from './scale-points';
export * from './mastery';
export * from './final-grade';
export * from './four-eyes';
export * from './self-assessment';
export * from './activity-progress';
export * from './ags-score';
export * from './grading-queue';
export * from './gradebook-rule';
