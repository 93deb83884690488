// Maps stored route documents to the domain's Route, field by field, so no mongoose detail leaks out.
import type { OwnActivity, Route, RouteEntry, RouteReview, StudyPlan } from '../../../domain/route';
import type { RouteHistoryEntry } from '../../../domain/route-history';
import type { RouteDocument } from './route-model';
import { optional } from '../../../store/optional';

/** The route as stored; its history is read on its own (RouteRepository.history), so `history` is empty. */
export function toRoute(doc: RouteDocument): Route {
  return {
    id: doc._id,
    playbookId: doc.playbookId,
    studentId: doc.studentId,
    status: doc.status,
    entries: doc.entries.map(toEntry),
    ownActivities: doc.ownActivities.map(toOwnActivity),
    learningGoals: doc.learningGoals.map((g) => ({ id: g.id, text: g.text })),
    studyPlan: toStudyPlan(doc.studyPlan),
    ...optional('levelOverride', doc.levelOverride),
    ...optional('lastReview', doc.lastReview ? toReview(doc.lastReview) : undefined),
    ...optional('approvedActivityIds', doc.approvedActivityIds ? [...doc.approvedActivityIds] : undefined),
    version: doc.version,
    history: [],
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toEntry(doc: RouteEntry): RouteEntry {
  return {
    activityId: doc.activityId,
    status: doc.status,
    ...optional('plannedFor', doc.plannedFor),
    ...optional('startedAt', doc.startedAt),
    ...optional('completedAt', doc.completedAt),
    ...optional('skippedAt', doc.skippedAt),
    ...optional('statusChangedAt', doc.statusChangedAt),
  };
}

function toOwnActivity(doc: OwnActivity): OwnActivity {
  return {
    id: doc.id,
    title: doc.title,
    description: doc.description,
    environment: doc.environment,
    form: doc.form,
    type: doc.type,
    studyLoadHours: doc.studyLoadHours,
    status: doc.status,
    ...optional('reviewComment', doc.reviewComment),
  };
}

function toStudyPlan(doc: StudyPlan): StudyPlan {
  const { demonstration } = doc;
  return {
    ambition: doc.ambition,
    demonstration: {
      ...optional('plannedDate', demonstration.plannedDate),
      ...optional('evidenceForm', demonstration.evidenceForm),
      description: demonstration.description,
    },
    ...optional('coachId', doc.coachId),
  };
}

function toReview(doc: RouteReview): RouteReview {
  return { decision: doc.decision, by: doc.by, at: doc.at, ...optional('comment', doc.comment) };
}

/** What the class overview needs of a route: its owner, status, entries and own activities (for progress and coverage), and its age. */
export type RouteSummary = Pick<Route, 'studentId' | 'status' | 'entries' | 'ownActivities' | 'createdAt'>;

export function toRouteSummary(doc: RouteSummary): RouteSummary {
  // Read-only and a thousand at a time: the stored entries are passed on as read (lean plain objects), not copied field by field.
  return { studentId: doc.studentId, status: doc.status, entries: doc.entries, ownActivities: doc.ownActivities ?? [], createdAt: doc.createdAt };
}

export function toHistoryEntry(doc: RouteHistoryEntry): RouteHistoryEntry {
  // `change` is stored as written (a domain-defined union); copying it keeps the result a plain object of our own.
  return { at: doc.at, actorId: doc.actorId, actorRole: doc.actorRole, version: doc.version, change: { ...doc.change } };
}
