// Stores students' routes, one per student per playbook; a save applies only over the version the caller read.
import type { Connection } from 'mongoose';
import type { Route } from '../../../domain/route';
import { routeModel, type RouteDocument } from './route-model';
import { AlreadyExistsError, ConcurrencyConflictError, NotFoundError } from '../../../store/store-errors';
import { isDuplicateKeyError } from '../../../store/mongo-errors';
import { toRoute } from './route-mapper';
import { setAndUnset } from '../../../store/update-fields';

export interface RouteRepository {
  /** Stores a new route (its id made with newId()); throws AlreadyExistsError if the student already has one in this playbook. */
  create(route: Route): Promise<Route>;
  get(id: string): Promise<Route | undefined>;
  getForStudent(playbookId: string, studentId: string): Promise<Route | undefined>;
  /** Every route of a playbook, for the class overview, in student id order. */
  listByPlaybook(playbookId: string): Promise<Route[]>;
  /**
   * Stores `route` (as changed by a domain use case, which raised its version) only if the stored version
   * is still `expectedVersion`; otherwise throws ConcurrencyConflictError, so an older tab never overwrites a newer save.
   */
  save(route: Route, expectedVersion: number): Promise<Route>;
}

export function createRouteRepository(connection: Connection): RouteRepository {
  const model = routeModel(connection);

  return {
    async create(route) {
      // The unique (playbook, student) index must exist before the first insert can rely on it.
      await model.init();
      try {
        const created = await model.create({
          _id: route.id,
          playbookId: route.playbookId,
          studentId: route.studentId,
          ...mutableFields(route),
          history: route.history,
          createdAt: route.createdAt,
        });
        return toRoute(created.toObject<RouteDocument>());
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new AlreadyExistsError('route', { playbookId: route.playbookId, studentId: route.studentId });
        throw error;
      }
    },

    async get(id) {
      const doc = await model.findById(id).lean<RouteDocument>();
      return doc ? toRoute(doc) : undefined;
    },

    async getForStudent(playbookId, studentId) {
      const doc = await model.findOne({ playbookId, studentId }).lean<RouteDocument>();
      return doc ? toRoute(doc) : undefined;
    },

    async listByPlaybook(playbookId) {
      const docs = await model.find({ playbookId }).sort({ studentId: 1 }).lean<RouteDocument[]>();
      return docs.map(toRoute);
    },

    async save(route, expectedVersion) {
      // A save that does not raise the version would let the next stale save through as well.
      if (route.version <= expectedVersion) throw new RangeError(`route ${route.id}: version ${route.version} must be above ${expectedVersion}`);
      // History is append-only and the version filter guarantees the stored history ends at expectedVersion,
      // so only the entries this change produced are pushed instead of rewriting the whole list.
      const added = route.history.filter((entry) => entry.version > expectedVersion);
      const update = { ...setAndUnset(mutableFields(route)), ...(added.length ? { $push: { history: { $each: added } } } : {}) };
      const saved = await model
        .findOneAndUpdate({ _id: route.id, version: expectedVersion }, update, { returnDocument: 'after', runValidators: true })
        .lean<RouteDocument>();
      if (saved) return toRoute(saved);
      const current = await model.findById(route.id, { version: 1 }).lean<Pick<RouteDocument, 'version'>>();
      if (!current) throw new NotFoundError('route', route.id);
      throw new ConcurrencyConflictError('route', route.id, expectedVersion, current.version);
    },
  };
}

/** What a use case may change; the owner, the playbook and the creation date never change. Undefined fields are unset. */
function mutableFields(route: Route): Record<string, unknown> {
  return {
    status: route.status,
    entries: route.entries,
    ownActivities: route.ownActivities,
    learningGoals: route.learningGoals,
    studyPlan: route.studyPlan,
    levelOverride: route.levelOverride,
    lastReview: route.lastReview,
    approvedActivityIds: route.approvedActivityIds,
    version: route.version,
    updatedAt: route.updatedAt,
  };
}
