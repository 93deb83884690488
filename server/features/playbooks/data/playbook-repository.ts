// Stores the playbook aggregate of an LTI placement (playbook + learning outcomes) as one document, with a revision for teachers' concurrent edits.
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { LearningOutcome } from '../../../domain/outcome';
import type { Playbook, PlaybookStatus } from '../../../domain/playbook';
import type { PlaybookDesign } from '../../../domain/playbook-exchange';
import { playbookModel, type PlaybookDocument } from './playbook-model';
import { AlreadyExistsError, ConcurrencyConflictError, NotFoundError } from '../../../store/store-errors';
import { newId } from '../../../store/ids';
import { isDuplicateKeyError } from '../../../store/mongo-errors';
import { placementIdOf, toPlacement, toStoredPlaybook } from './playbook-mapper';
import { setAndUnset } from '../../../store/update-fields';
import { HISTORY_LIMIT, toHistoryEntry, type PlaybookHistoryEntry } from './playbook-history';
import { KeptPlaybooks, type KeptPlaybookOptions } from './kept-playbooks';

export { placementIdOf };

/** Where the tool is placed: one resource link in one course of one LMS deployment. The LTI layer fills it from the launch. */
export interface PlacementKey {
  platformId: string;
  deploymentId: string;
  contextId: string;
  resourceLinkId: string;
}

/** A course (LTI context) on a platform deployment. */
export type ContextKey = Omit<PlacementKey, 'resourceLinkId'>;

export interface StoredPlaybook {
  placement: PlacementKey;
  playbook: Playbook;
  outcomes: LearningOutcome[];
  /** Pass it back to save or import: the write applies only if nobody saved in between. */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Enough to offer a playbook to pick or copy, without loading its whole design. */
export interface PlaybookSummary {
  id: string;
  placement: PlacementKey;
  title: string;
  status: PlaybookStatus;
  outcomeTitles: string[];
  revision: number;
  updatedAt: Date;
}

export interface NewPlaybook {
  placement: PlacementKey;
  /** The id is made here and the placement id derived from `placement`. */
  playbook: Omit<Playbook, 'id' | 'placementId'>;
  outcomes: LearningOutcome[];
}

export interface PlaybookRepository {
  /** Throws AlreadyExistsError when the placement already has a playbook. */
  create(input: NewPlaybook): Promise<StoredPlaybook>;
  get(id: string): Promise<StoredPlaybook | undefined>;
  /**
   * `recent`: a playbook this process read or checked within KEPT_PLAYBOOK_TRUST_MS will do, without asking the store
   * (a student's route requests); without it the store is asked whether the kept one is still current (staff, who
   * edit and must never act on an older revision).
   */
  getByPlacement(placement: PlacementKey, options?: { recent?: boolean }): Promise<StoredPlaybook | undefined>;
  /** The playbooks of one course, most recently changed first. */
  listByContext(context: ContextKey): Promise<PlaybookSummary[]>;
  /** The playbooks of several courses (e.g. every course a teacher teaches), most recently changed first. */
  listByContexts(contexts: ContextKey[]): Promise<PlaybookSummary[]>;
  /**
   * Writes playbook (found by playbook.id; its placement never changes) and outcomes if the stored revision is still `expectedRevision`; else ConcurrencyConflictError.
   * `record` is added to the playbook's history in the same write, so a change and its entry never come apart.
   */
  save(contents: { playbook: Playbook; outcomes: LearningOutcome[] }, expectedRevision: number, record?: PlaybookHistoryEntry): Promise<StoredPlaybook>;
  /** The playbook's history, newest first; empty for an unknown id. */
  history(playbookId: string): Promise<PlaybookHistoryEntry[]>;
  /**
   * Replaces the design and all outcomes with an imported file's, in one write, under the same revision check.
   * What belongs to this course stays: status, publication date and course start.
   */
  replaceFromImport(
    playbookId: string,
    imported: { playbook: PlaybookDesign; outcomes: LearningOutcome[] },
    expectedRevision: number,
  ): Promise<StoredPlaybook>;
  /**
   * Moves a playbook from one placement key to another, only if it is still at `from` (a playbook made while
   * deep linking gets its real resource link at the first launch). Undefined when it had moved already;
   * AlreadyExistsError when `to` has a playbook of its own.
   */
  movePlacement(playbookId: string, from: PlacementKey, to: PlacementKey): Promise<StoredPlaybook | undefined>;
}

/** Every read of the design leaves the history out: it is read on its own, and only by the teacher who asks for it. */
const WITHOUT_HISTORY = { history: 0 } as const;

const SUMMARY_FIELDS = { placement: 1, title: 1, status: 1, revision: 1, updatedAt: 1, 'outcomes.title': 1 } as const;

/**
 * What tells whether a placement's playbook is still the one read before (its _id, revision and updatedAt: every write
 * moves updatedAt): the design and outcomes left out. An exclusion, not an inclusion of the three: the embedded store
 * answers a plain equality find with an exclusion directly and sends an inclusion through mingo, which costs more than
 * the bytes saved (in-process: 0.13 vs 0.19 ms CPU per read, 0.21 for the whole design). A field missing here only
 * makes the check's reply larger, never wrong.
 */
const SAME_PLAYBOOK = {
  projection: {
    history: 0,
    outcomes: 0,
    activities: 0,
    description: 0,
    rules: 0,
    recommendedRoute: 0,
    assessmentWindows: 0,
    outcomeIds: 0,
    placement: 0,
    title: 0,
  },
} as const;

export interface PlaybookRepositoryOptions extends KeptPlaybookOptions {
  /** The clock of updatedAt and the history. */
  now?: () => Date;
}

export function createPlaybookRepository(connection: Connection, { now = () => new Date(), ...keptOptions }: PlaybookRepositoryOptions = {}): PlaybookRepository {
  const model = playbookModel(connection);
  const playbooks = model.collection as unknown as Collection<PlaybookDocument>;
  /**
   * The playbook last read per placement (by placementIdOf), decoded, mapped and frozen. Every route request of every
   * student reads its placement's playbook: a read asks the store for the id, revision and last change (SAME_PLAYBOOK), and
   * takes the kept one when all three are the same (any write — a save, an import, a move — sets updatedAt, a save
   * also the revision; a removed or moved playbook is no longer found at the placement). So the next read after an
   * edit, made here or by another process on the same store, reads the edit. A `recent` read (a student's route
   * request) takes it without asking when the store vouched for it lately; kept-playbooks.ts says why that is safe.
   */
  const kept = new KeptPlaybooks(keptOptions);
  const forget = (playbookId: string, ...placements: PlacementKey[]) => kept.forget(playbookId, placements.map(placementIdOf));

  async function writeIfRevision(id: string, fields: Record<string, unknown>, expectedRevision: number, record?: PlaybookHistoryEntry): Promise<StoredPlaybook> {
    try {
      return await writeOver(id, fields, expectedRevision, record);
    } finally {
      forget(id);
    }
  }

  async function writeOver(id: string, fields: Record<string, unknown>, expectedRevision: number, record?: PlaybookHistoryEntry): Promise<StoredPlaybook> {
    const update = {
      ...setAndUnset({ ...fields, updatedAt: now() }),
      $inc: { revision: 1 },
      ...(record ? { $push: { history: { $each: [record], $slice: -HISTORY_LIMIT } } } : {}),
    };
    const saved = await model
      .findOneAndUpdate({ _id: id, revision: expectedRevision }, update, { returnDocument: 'after', runValidators: true, projection: WITHOUT_HISTORY })
      .lean<PlaybookDocument>();
    if (saved) return toStoredPlaybook(saved);
    const current = await model.findById(id, { revision: 1 }).lean<Pick<PlaybookDocument, 'revision'>>();
    if (!current) throw new NotFoundError('playbook', id);
    throw new ConcurrencyConflictError('playbook', id, expectedRevision, current.revision);
  }

  async function move(playbookId: string, from: PlacementKey, to: PlacementKey): Promise<StoredPlaybook | undefined> {
    try {
      const moved = await model
        .findOneAndUpdate(
          {
            _id: playbookId,
            'placement.platformId': from.platformId,
            'placement.deploymentId': from.deploymentId,
            'placement.contextId': from.contextId,
            'placement.resourceLinkId': from.resourceLinkId,
          },
          { $set: { placement: toPlacement(to), updatedAt: now() } },
          { returnDocument: 'after' },
        )
        .lean<PlaybookDocument>();
      return moved ? toStoredPlaybook(moved) : undefined;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AlreadyExistsError('playbook', { ...to });
      throw error;
    }
  }

  async function list(contexts: ContextKey[]): Promise<PlaybookSummary[]> {
    if (contexts.length === 0) return [];
    const filters = contexts.map((c) => ({
      'placement.platformId': c.platformId,
      'placement.deploymentId': c.deploymentId,
      'placement.contextId': c.contextId,
    }));
    const docs = await model
      .find({ $or: filters }, SUMMARY_FIELDS)
      .sort({ updatedAt: -1 })
      .lean<Pick<PlaybookDocument, '_id' | 'placement' | 'title' | 'status' | 'revision' | 'updatedAt' | 'outcomes'>[]>();
    return docs.map((doc) => ({
      id: doc._id,
      placement: toPlacement(doc.placement),
      title: doc.title,
      status: doc.status,
      outcomeTitles: doc.outcomes.map((o) => o.title),
      revision: doc.revision,
      updatedAt: doc.updatedAt,
    }));
  }

  return {
    async create({ placement, playbook, outcomes }) {
      const at = now();
      const doc = { _id: newId(), placement: toPlacement(placement), revision: 1, ...designFields(playbook), ...courseFields(playbook), outcomes, createdAt: at, updatedAt: at };
      // The unique placement index must exist before the first insert can rely on it.
      await model.init();
      try {
        const created = await model.create(doc);
        return toStoredPlaybook(created.toObject<PlaybookDocument>());
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new AlreadyExistsError('playbook', { ...placement });
        throw error;
      } finally {
        forget(doc._id, placement);
      }
    },

    async get(id) {
      const doc = await model.findById(id, WITHOUT_HISTORY).lean<PlaybookDocument>();
      return doc ? toStoredPlaybook(doc) : undefined;
    },

    async getByPlacement(placement, options) {
      // Through the driver: a lean read of plain string fields needs none of mongoose's query building or casting.
      const filter = {
        'placement.platformId': placement.platformId,
        'placement.deploymentId': placement.deploymentId,
        'placement.contextId': placement.contextId,
        'placement.resourceLinkId': placement.resourceLinkId,
      };
      const key = placementIdOf(placement);
      const recent = options?.recent ? kept.recent(key) : undefined;
      if (recent) return recent;
      const checkedAt = kept.readStarts();
      const entry = kept.get(key);
      if (entry) {
        const known = entry.stored;
        const current = await playbooks.findOne(filter, SAME_PLAYBOOK);
        if (current?._id === known.playbook.id && current.revision === known.revision && current.updatedAt?.getTime() === known.updatedAt.getTime()) {
          kept.confirm(entry, checkedAt());
          return known;
        }
        kept.drop(key, entry);
        if (!current) return undefined;
      }
      const doc = await playbooks.findOne(filter, { projection: WITHOUT_HISTORY });
      if (!doc) return undefined;
      const stored = deepFreeze(toStoredPlaybook(doc));
      kept.keep(key, stored, checkedAt());
      return stored;
    },

    listByContext: (context) => list([context]),
    listByContexts: list,

    save: ({ playbook, outcomes }, expectedRevision, record) =>
      writeIfRevision(playbook.id, { ...designFields(playbook), ...courseFields(playbook), outcomes }, expectedRevision, record),

    async history(playbookId) {
      const doc = await model.findById(playbookId, { history: 1 }).lean<Pick<PlaybookDocument, 'history'>>();
      return (doc?.history ?? []).map(toHistoryEntry).reverse();
    },

    replaceFromImport: (playbookId, { playbook, outcomes }, expectedRevision) =>
      writeIfRevision(playbookId, { ...designFields(playbook), outcomes }, expectedRevision),

    async movePlacement(playbookId, from, to) {
      try {
        return await move(playbookId, from, to);
      } finally {
        forget(playbookId, from, to);
      }
    },
  };
}


/** Frozen all the way down: a kept playbook is handed to every request, so no caller may change it for the next. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The fields a playbook file carries; named one by one so no stray property reaches the document. */
function designFields(p: PlaybookDesign): Record<string, unknown> {
  return {
    title: p.title,
    description: p.description,
    outcomeIds: p.outcomeIds,
    activities: p.activities,
    recommendedRoute: p.recommendedRoute,
    rules: p.rules,
    selfDirectionLevel: p.selfDirectionLevel,
    assessmentWindows: p.assessmentWindows,
  };
}

/** The fields that belong to this course's use of the playbook; undefined ones are unset on save. */
function courseFields(p: Pick<Playbook, 'status' | 'publishedAt' | 'courseStartDate'>): Record<string, unknown> {
  return { status: p.status, publishedAt: p.publishedAt, courseStartDate: p.courseStartDate };
}
