// Stores students' routes, one per student per playbook; a save applies only over the version the caller read.
// The history lives in a collection of its own (route-history-model.ts): routes are read without it, and a save
// appends only the entries its change produced.
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Route } from '../../../domain/route';
import type { RouteHistoryEntry } from '../../../domain/route-history';
import { routeModel, type RouteDocument } from './route-model';
import { historyDocuments, routeHistoryModel, type RouteHistoryDocument } from './route-history-model';
import { AlreadyExistsError, ConcurrencyConflictError, NotFoundError } from '../../../store/store-errors';
import { isDuplicateKeyError } from '../../../store/mongo-errors';
import { toHistoryEntry, toRoute, toRouteSummary, type RouteSummary } from './route-mapper';
import { setAndUnset } from '../../../store/update-fields';
import { KeptRoutes } from './kept-routes';
import { InsertBatcher } from '../../../store/insert-batcher';
import { findOneDocument, openDatabaseOf } from '../../../store/find-one';

export type { RouteSummary } from './route-mapper';

export interface RouteRepository {
  /** Stores a new route (its id made with newId()) and its history; throws AlreadyExistsError if the student already has one in this playbook. */
  create(route: Route): Promise<Route>;
  /** A route as stored, without its history (`history` is empty: read it with history()). */
  get(id: string): Promise<Route | undefined>;
  /**
   * `version`: the version the student's client read. The route this process last read or wrote for them is taken
   * without asking the store when it is at exactly that version (kept-routes.ts says why a save over it stays safe).
   */
  getForStudent(playbookId: string, studentId: string, options?: { version?: number }): Promise<Route | undefined>;
  /** Every route of a playbook, in student id order (the coach's list). */
  listByPlaybook(playbookId: string): Promise<Route[]>;
  /** Of every route of a playbook only what the class overview shows, in no particular order. */
  listSummariesByPlaybook(playbookId: string): Promise<RouteSummary[]>;
  /**
   * Stores `route` (as changed by a domain use case, which raised its version) only if the stored version
   * is still `expectedVersion`; otherwise throws ConcurrencyConflictError, so an older tab never overwrites a newer save.
   * The history entries of the change (those above `expectedVersion`) are appended to the route's history.
   */
  save(route: Route, expectedVersion: number): Promise<Route>;
  /** The whole history of a route, oldest first. */
  history(routeId: string): Promise<RouteHistoryEntry[]>;
}

/** Routes are read without their history, also the history an older route still carries inside it. */
const WITHOUT_HISTORY = { history: 0 } as const;
/**
 * The class overview's read: studentId, status, entries, ownActivities and createdAt, by leaving out everything else
 * (the _id too, a 36-character id it never uses). An exclusion, not an inclusion: the embedded store applies it at
 * about two thirds of the CPU for the same bytes (a thousand routes: ~25 instead of ~35 ms, load 12).
 */
const SUMMARY_FIELDS = {
  _id: 0,
  playbookId: 0,
  learningGoals: 0,
  studyPlan: 0,
  levelOverride: 0,
  lastReview: 0,
  approvedActivityIds: 0,
  version: 0,
  history: 0,
  updatedAt: 0,
} as const;

/**
 * A save's three store commands (read the route, write it over its version, append its history) go to the driver
 * through the models' collections, not through mongoose queries: their values are the domain's own (typed, checked
 * by zod at the edge and by the use case), so mongoose's casting of the update, its query building and its
 * insertMany only cost CPU — a quarter of the app thread's time per save. `ignoreUndefined` drops an optional field
 * the domain left undefined, as mongoose's casting did (a field that went away is unset by setAndUnset).
 */
const DRIVER_WRITE = { ignoreUndefined: true } as const;

/**
 * A save's route write does not wait for the journal on its own: the history insert sent after it was answered does
 * (at the end of the turn, with the entries of other saves of that turn), and the journal is one ordered log, so once
 * that insert is on disk the route's write before it is too — the save still answers only when both are durable,
 * after one group commit instead of two in a row. (On MongoDB likewise: a journaled write is acknowledged once the
 * journal is flushed through it, which covers every earlier write.)
 */
const ROUTE_WRITE_BEFORE_HISTORY = { ...DRIVER_WRITE, writeConcern: { j: false } } as const;

export function createRouteRepository(connection: Connection): RouteRepository {
  const model = routeModel(connection);
  const historyModel = routeHistoryModel(connection);
  const routes = model.collection as unknown as Collection<RouteDocument>;
  const historyEntries = historyModel.collection as unknown as Collection<RouteHistoryDocument>;
  const kept = new KeptRoutes();

  // Entries are keyed by route, version and place: one written before (a move retried) is the same entry. A class
  // saving at once shares one insert and one journal flush for the entries of a turn (insert-batcher.ts).
  const historyInserts = new InsertBatcher(historyEntries, { write: DRIVER_WRITE, tolerate: isDuplicateKeyError });
  const appendHistory = (routeId: string, entries: RouteHistoryEntry[]): Promise<void> => historyInserts.insert(historyDocuments(routeId, entries));

  /**
   * Routes stored before the history had its own collection carry it inside (`history`). The first read of such a
   * history moves it out: copied first (idempotent by key), then removed from the route, so a crash in between
   * loses nothing. Saves never touch that field, so entries written since are all in the collection.
   */
  async function moveEmbeddedHistory(routeId: string): Promise<void> {
    const legacy = await model.findById(routeId, { history: 1 }).lean<Pick<RouteDocument, 'history'>>();
    if (!legacy?.history?.length) return;
    await appendHistory(routeId, legacy.history.map(toHistoryEntry));
    await model.updateOne({ _id: routeId }, { $unset: { history: '' } });
  }

  return {
    async create(route) {
      // The unique (playbook, student) index must exist before the first insert can rely on it.
      await model.init();
      try {
        await model.create({
          _id: route.id,
          playbookId: route.playbookId,
          studentId: route.studentId,
          ...mutableFields(route),
          createdAt: route.createdAt,
        });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new AlreadyExistsError('route', { playbookId: route.playbookId, studentId: route.studentId });
        throw error;
      }
      await appendHistory(route.id, route.history);
      const created = { ...route, history: [] };
      kept.keep(created);
      return created;
    },

    async get(id) {
      const doc = await model.findById(id, WITHOUT_HISTORY).lean<RouteDocument>();
      return doc ? toRoute(doc) : undefined;
    },

    async getForStudent(playbookId, studentId, options) {
      const known = options?.version === undefined ? undefined : kept.at(playbookId, studentId, options.version);
      if (known) return known;
      // One find command, without the driver's cursor for it (find-one.ts): a student opening their route reads this.
      const doc = await findOneDocument<RouteDocument>(await openDatabaseOf(connection), routes.collectionName, { playbookId, studentId }, { projection: WITHOUT_HISTORY });
      if (!doc) {
        kept.forget(playbookId, studentId);
        return undefined;
      }
      const route = toRoute(doc);
      kept.keep(route);
      return route;
    },

    async listByPlaybook(playbookId) {
      const docs = await model.find({ playbookId }, WITHOUT_HISTORY).sort({ studentId: 1 }).lean<RouteDocument[]>();
      return docs.map(toRoute);
    },

    async listSummariesByPlaybook(playbookId) {
      // Unsorted: the overview's rows follow the class list and find their route by id (a sort of a thousand costs the store).
      const docs = await model.find({ playbookId }, SUMMARY_FIELDS).lean<RouteSummary[]>();
      return docs.map(toRouteSummary);
    },

    async save(route, expectedVersion) {
      // A save that does not raise the version would let the next stale save through as well.
      if (route.version <= expectedVersion) throw new RangeError(`route ${route.id}: version ${route.version} must be above ${expectedVersion}`);
      // One conditional write: the version filter refuses a save over a version that is no longer the stored one.
      // Neither cast nor validated again by the schema: every value comes from a domain use case over input zod
      // checked at the edge (see DRIVER_WRITE); a new route is validated whole by create().
      const changes = route.history.filter((entry) => entry.version > expectedVersion);
      const concern = changes.length > 0 ? ROUTE_WRITE_BEFORE_HISTORY : DRIVER_WRITE;
      // Forgotten until the write is known to have landed: a failed or refused write leaves the store's route unknown.
      kept.forget(route.playbookId, route.studentId);
      const result = await routes.updateOne({ _id: route.id, version: expectedVersion }, setAndUnset(mutableFields(route)), concern);
      if (result.matchedCount === 0) {
        const current = await model.findById(route.id, { version: 1 }).lean<Pick<RouteDocument, 'version'>>();
        if (!current) throw new NotFoundError('route', route.id);
        throw new ConcurrencyConflictError('route', route.id, expectedVersion, current.version);
      }
      // Only this save could move the route from expectedVersion on, so the entries above it are its own (and none
      // can be in the store already, so this insert always writes, and waits for the journal).
      await appendHistory(route.id, changes);
      const saved = { ...route, history: [] };
      kept.keep(saved);
      return saved;
    },

    async history(routeId) {
      await moveEmbeddedHistory(routeId);
      const docs = await historyModel.find({ routeId }).sort({ version: 1, seq: 1 }).lean<RouteHistoryDocument[]>();
      return docs.map(toHistoryEntry);
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
