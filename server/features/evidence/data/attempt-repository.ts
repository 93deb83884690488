// Stores attempts; every change applies only over the version (and status) the caller read, so two teachers never overwrite each other.
import type { Connection } from 'mongoose';
import type { Attempt, AttemptStatus, EvidenceItem } from '../use-cases/attempt';
import { toPlacement } from '../../playbooks/index';
import { AlreadyExistsError, ConcurrencyConflictError } from '../../../store/store-errors';
import { isDuplicateKeyError } from '../../../store/mongo-errors';
import { setAndUnset } from '../../../store/update-fields';
import { attemptModel, type AttemptDocument } from './attempt-model';

export interface AttemptRepository {
  /** Throws AlreadyExistsError when the student already has an attempt with this number on the outcome. */
  create(attempt: Attempt): Promise<Attempt>;
  get(id: string): Promise<Attempt | undefined>;
  /** The latest attempt of a student on an outcome. */
  latest(playbookId: string, studentId: string, outcomeId: string): Promise<Attempt | undefined>;
  /** A student's attempts in a playbook, optionally of one outcome, by outcome and number. */
  listForStudent(playbookId: string, studentId: string, outcomeId?: string): Promise<Attempt[]>;
  /** Attempts in the given statuses, oldest hand-in first. */
  listByStatus(playbookId: string, statuses: readonly AttemptStatus[]): Promise<Attempt[]>;
  /** Appends an item to a draft; undefined when the attempt is no longer a draft. */
  addItem(id: string, item: EvidenceItem, now: Date): Promise<Attempt | undefined>;
  /** Writes the changed fields if the stored version is still `attempt.version - 1`; else ConcurrencyConflictError. */
  save(attempt: Attempt): Promise<Attempt>;
}

export function createAttemptRepository(connection: Connection): AttemptRepository {
  const model = attemptModel(connection);

  return {
    async create(attempt) {
      // The unique index must exist before the first insert can rely on it.
      await model.init();
      try {
        const { id, ...rest } = attempt;
        const created = await model.create({ _id: id, ...rest, placement: toPlacement(attempt.placement) });
        return toAttempt(created.toObject<AttemptDocument>());
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new AlreadyExistsError('attempt', { outcomeId: attempt.outcomeId, number: attempt.number });
        throw error;
      }
    },

    async get(id) {
      const doc = await model.findById(id).lean<AttemptDocument>();
      return doc ? toAttempt(doc) : undefined;
    },

    async latest(playbookId, studentId, outcomeId) {
      const doc = await model.findOne({ playbookId, studentId, outcomeId }).sort({ number: -1 }).lean<AttemptDocument>();
      return doc ? toAttempt(doc) : undefined;
    },

    async listForStudent(playbookId, studentId, outcomeId) {
      const filter = outcomeId ? { playbookId, studentId, outcomeId } : { playbookId, studentId };
      const docs = await model.find(filter).sort({ outcomeId: 1, number: 1 }).lean<AttemptDocument[]>();
      return docs.map(toAttempt);
    },

    async listByStatus(playbookId, statuses) {
      const docs = await model.find({ playbookId, status: { $in: statuses } }).sort({ submittedAt: 1 }).lean<AttemptDocument[]>();
      return docs.map(toAttempt);
    },

    async addItem(id, item, now) {
      const doc = await model
        .findOneAndUpdate({ _id: id, status: 'draft' }, { $push: { items: item }, $set: { updatedAt: now }, $inc: { version: 1 } }, { returnDocument: 'after' })
        .lean<AttemptDocument>();
      return doc ? toAttempt(doc) : undefined;
    },

    async save(attempt) {
      const expected = attempt.version - 1;
      const fields = {
        status: attempt.status,
        items: attempt.items,
        selfAssessment: attempt.selfAssessment,
        submittedAt: attempt.submittedAt,
        assessment: attempt.assessment,
        fourEyes: attempt.fourEyes,
        gradedAt: attempt.gradedAt,
        passed: attempt.passed,
        version: attempt.version,
        updatedAt: attempt.updatedAt,
      };
      const saved = await model.findOneAndUpdate({ _id: attempt.id, version: expected }, setAndUnset(fields), { returnDocument: 'after' }).lean<AttemptDocument>();
      if (saved) return toAttempt(saved);
      const current = await model.findById(attempt.id, { version: 1 }).lean<Pick<AttemptDocument, 'version'>>();
      throw new ConcurrencyConflictError('attempt', attempt.id, expected, current?.version ?? 0);
    },
  };
}

function toAttempt(doc: AttemptDocument): Attempt {
  const { _id, placement, ...rest } = doc;
  return { id: _id, ...rest, placement: toPlacement(placement) };
}
