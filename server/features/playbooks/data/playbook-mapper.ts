// Maps stored playbook documents to the domain's playbook and outcomes, field by field, so no mongoose detail leaks out.
import type { Activity, ActivitySession } from '../../../domain/activity';
import type { LearningOutcome } from '../../../domain/outcome';
import type { Playbook, RouteRules } from '../../../domain/playbook';
import type { RubricCriterion } from '../../../domain/rubric';
import type { ActivityDocument } from './activity-subdocument';
import type { OutcomeDocument } from './outcome-subdocument';
import type { PlaybookDocument } from './playbook-model';
import { optional } from '../../../store/optional';
import type { PlacementKey, StoredPlaybook } from './playbook-repository';

/** The opaque placement id the domain sees; the parts are encoded so it can be split again. */
export function placementIdOf(key: PlacementKey): string {
  return [key.platformId, key.deploymentId, key.contextId, key.resourceLinkId].map(encodeURIComponent).join('/');
}

export function toStoredPlaybook(doc: PlaybookDocument): StoredPlaybook {
  const placement = toPlacement(doc.placement);
  const playbook: Playbook = {
    id: doc._id,
    placementId: placementIdOf(placement),
    title: doc.title,
    description: doc.description,
    outcomeIds: [...doc.outcomeIds],
    activities: doc.activities.map(toActivity),
    recommendedRoute: [...doc.recommendedRoute],
    rules: toRules(doc.rules),
    selfDirectionLevel: doc.selfDirectionLevel,
    assessmentWindows: doc.assessmentWindows.map((w) => ({ id: w.id, from: w.from, until: w.until })),
    status: doc.status,
    ...optional('publishedAt', doc.publishedAt),
    ...optional('courseStartDate', doc.courseStartDate),
  };
  return {
    placement,
    playbook,
    outcomes: doc.outcomes.map(toOutcome),
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function toPlacement(doc: PlacementKey): PlacementKey {
  return { platformId: doc.platformId, deploymentId: doc.deploymentId, contextId: doc.contextId, resourceLinkId: doc.resourceLinkId };
}

function toActivity(doc: ActivityDocument): Activity {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    environment: doc.environment,
    form: doc.form,
    type: doc.type,
    links: doc.links.map((l) => ({ title: l.title, url: l.url })),
    studyLoadHours: doc.studyLoadHours,
    schedule:
      doc.schedule.kind === 'synchronous'
        ? { kind: 'synchronous', sessions: (doc.schedule.sessions ?? []).map(toSession) }
        : { kind: 'asynchronous' },
    prerequisiteIds: [...doc.prerequisiteIds],
  };
}

function toSession(doc: ActivitySession): ActivitySession {
  return { id: doc.id, startsAt: doc.startsAt, ...optional('endsAt', doc.endsAt), place: doc.place, capacity: doc.capacity };
}

function toRules(doc: RouteRules): RouteRules {
  const minPerType: RouteRules['minPerType'] = {};
  for (const [type, min] of Object.entries(doc.minPerType ?? {}) as [keyof RouteRules['minPerType'], number | null][]) {
    if (typeof min === 'number') minPerType[type] = min;
  }
  return {
    minPerType,
    ...optional('minStudyLoadHours', doc.minStudyLoadHours),
    ...optional('maxStudyLoadHours', doc.maxStudyLoadHours),
    requiredActivityIds: [...doc.requiredActivityIds],
    requiredEnvironments: [...doc.requiredEnvironments],
  };
}

function toOutcome(doc: OutcomeDocument): LearningOutcome {
  const { verb, competence, subject, standard, context } = doc.tuning;
  return {
    id: doc.id,
    title: doc.title,
    tuning: { verb, competence, subject, standard, context },
    indicators: doc.indicators.map((i) => ({ id: i.id, text: i.text })),
    possibleEvidence: doc.possibleEvidence.map((e) => ({ id: e.id, form: e.form, description: e.description })),
    assessments: doc.assessments.map((a) => ({ id: a.id, title: a.title, description: a.description, integrated: a.integrated })),
    rubric: { criteria: doc.rubric.criteria.map(toCriterion) },
    status: doc.status,
    ...optional('publishedAt', doc.publishedAt),
  };
}

function toCriterion(doc: RubricCriterion): RubricCriterion {
  return {
    id: doc.id,
    title: doc.title,
    ...optional('description', doc.description),
    weight: doc.weight,
    levels: doc.levels.map((l) => ({ id: l.id, label: l.label, description: l.description, points: l.points })),
    ...optional('passLevelId', doc.passLevelId),
  };
}
