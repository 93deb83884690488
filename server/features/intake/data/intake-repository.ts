// The intake designs and responses as plain objects; every write is one document, applied only over the version the caller read.
import type { Connection } from 'mongoose';
import type { IntakeDesign, IntakeResponse } from '../../../domain/intake/index';
import { newId } from '../../../store/ids';
import { isDuplicateKeyError } from '../../../store/mongo-errors';
import { AlreadyExistsError, ConcurrencyConflictError, NotFoundError } from '../../../store/store-errors';
import { setAndUnset } from '../../../store/update-fields';
import { intakeDesignModel, intakeResponseModel, type IntakeDesignDocument, type IntakeResponseDocument } from './intake-models';

export interface StoredDesign extends IntakeDesign {
  playbookId: string;
  version: number;
  updatedAt: Date;
}

export interface StoredResponse extends IntakeResponse {
  id: string;
  playbookId: string;
  studentId: string;
  version: number;
  updatedAt: Date;
}

export interface IntakeRepository {
  getDesign(playbookId: string): Promise<StoredDesign | undefined>;
  /** Version 0 creates the design (AlreadyExistsError when someone did first); any other applies over that version. */
  saveDesign(playbookId: string, design: IntakeDesign, props: { expectedVersion: number; by: string; at: Date }): Promise<StoredDesign>;
  getResponse(playbookId: string, studentId: string): Promise<StoredResponse | undefined>;
  listResponses(playbookId: string): Promise<StoredResponse[]>;
  /** Version 0 creates the student's intake; otherwise ConcurrencyConflictError unless the stored version is `expectedVersion`. */
  saveResponse(playbookId: string, studentId: string, response: IntakeResponse, props: { expectedVersion: number; at: Date }): Promise<StoredResponse>;
}

export function createIntakeRepository(connection: Connection): IntakeRepository {
  const designs = intakeDesignModel(connection);
  const responses = intakeResponseModel(connection);

  return {
    async getDesign(playbookId) {
      const doc = await designs.findById(playbookId).lean<IntakeDesignDocument>();
      return doc ? toDesign(doc) : undefined;
    },

    async saveDesign(playbookId, design, { expectedVersion, by, at }) {
      const fields = { outcomes: design.outcomes, updatedAt: at, updatedBy: by };
      if (expectedVersion === 0) {
        try {
          return toDesign((await designs.create({ _id: playbookId, ...fields, version: 1 })).toObject<IntakeDesignDocument>());
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new AlreadyExistsError('intake design', { playbookId });
          throw error;
        }
      }
      const saved = await designs
        .findOneAndUpdate({ _id: playbookId, version: expectedVersion }, { $set: fields, $inc: { version: 1 } }, { returnDocument: 'after', runValidators: true })
        .lean<IntakeDesignDocument>();
      if (saved) return toDesign(saved);
      throw await conflict(designs, 'intake design', playbookId, expectedVersion);
    },

    async getResponse(playbookId, studentId) {
      const doc = await responses.findOne({ playbookId, studentId }).lean<IntakeResponseDocument>();
      return doc ? toResponse(doc) : undefined;
    },

    async listResponses(playbookId) {
      const docs = await responses.find({ playbookId }).sort({ studentId: 1 }).lean<IntakeResponseDocument[]>();
      return docs.map(toResponse);
    },

    async saveResponse(playbookId, studentId, response, { expectedVersion, at }) {
      const fields = { placements: response.placements, diagnostics: response.diagnostics, profile: response.profile, status: response.status, submittedAt: response.submittedAt, history: response.history ?? [], updatedAt: at };
      if (expectedVersion === 0) {
        // The unique (playbook, student) index must exist before the first insert can rely on it.
        await responses.init();
        try {
          const { submittedAt, ...present } = fields;
          const doc = { _id: newId(), playbookId, studentId, ...present, ...(submittedAt ? { submittedAt } : {}), version: 1, createdAt: at };
          return toResponse((await responses.create(doc)).toObject<IntakeResponseDocument>());
        } catch (error) {
          if (isDuplicateKeyError(error)) throw new AlreadyExistsError('intake', { playbookId, studentId });
          throw error;
        }
      }
      const saved = await responses
        .findOneAndUpdate({ playbookId, studentId, version: expectedVersion }, { ...setAndUnset(fields), $inc: { version: 1 } }, { returnDocument: 'after', runValidators: true })
        .lean<IntakeResponseDocument>();
      if (saved) return toResponse(saved);
      const current = await responses.findOne({ playbookId, studentId }, { version: 1 }).lean<Pick<IntakeResponseDocument, 'version'>>();
      if (!current) throw new NotFoundError('intake', studentId);
      throw new ConcurrencyConflictError('intake', studentId, expectedVersion, current.version);
    },
  };
}

async function conflict(model: ReturnType<typeof intakeDesignModel>, entity: string, id: string, expected: number): Promise<Error> {
  const current = await model.findById(id, { version: 1 }).lean<Pick<IntakeDesignDocument, 'version'>>();
  return current ? new ConcurrencyConflictError(entity, id, expected, current.version) : new NotFoundError(entity, id);
}

function toDesign(doc: IntakeDesignDocument): StoredDesign {
  return {
    playbookId: doc._id,
    outcomes: doc.outcomes.map((o) => ({ outcomeId: o.outcomeId, indicatorIds: [...o.indicatorIds], ...(o.diagnosticTask ? { diagnosticTask: { prompt: o.diagnosticTask.prompt } } : {}) })),
    version: doc.version,
    updatedAt: doc.updatedAt,
  };
}

function toResponse(doc: IntakeResponseDocument): StoredResponse {
  return {
    id: doc._id,
    playbookId: doc.playbookId,
    studentId: doc.studentId,
    placements: doc.placements.map((p) => ({ outcomeId: p.outcomeId, ...(p.indicatorId ? { indicatorId: p.indicatorId } : {}), rank: p.rank })),
    diagnostics: doc.diagnostics.map((d) => ({ outcomeId: d.outcomeId, answer: d.answer, ...(d.review ? { review: { ...d.review } } : {}) })),
    profile: { ...doc.profile },
    status: doc.status,
    ...(doc.submittedAt ? { submittedAt: doc.submittedAt } : {}),
    history: (doc.history ?? []).map((e) => (e.kind === 'reopened' && e.reason ? { kind: e.kind, by: e.by, at: e.at, reason: e.reason } : { kind: e.kind, by: e.by, at: e.at })),
    version: doc.version,
    updatedAt: doc.updatedAt,
  };
}
