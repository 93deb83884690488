// The domain vocabulary the client shares with the server: imported from the pure domain module, so both always agree.
// Only constants and types without dates come from here; answers with dates are typed per feature (dates arrive as strings).
export { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from '../../../server/domain/activity-grid';
export type { ActivityType, Environment, LearningForm } from '../../../server/domain/activity-grid';
export type { Message, MessageParam } from '../../../server/domain/messages';
export type { Rubric, RubricCriterion, RubricLevel } from '../../../server/domain/rubric';
// The route rule check runs in the browser as the student composes: the very function the server checks with.
export { checkRouteRules } from '../../../server/domain/route-rules';
export type { Playbook } from '../../../server/domain/playbook';
export type { Activity, ActivitySession } from '../../../server/domain/activity';
