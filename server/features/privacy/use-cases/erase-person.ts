// Erasure on request (GDPR art. 17): every document and evidence file of one person on one platform is removed, and
// where others' records name them (assessor, coach, group member) the name is pulled out or replaced by a pseudonym.
// The erasure is logged and recorded without personal data: a random erasure id, a one-way hash of the person, counts.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../../../logger';
import { EVIDENCE_FILES, PERSONAL_DATA, type PersonScope } from '../data/personal-data-registry';
import { scrubReference } from './scrub-reference';
import { scrubStored } from './scrub-stored';

export const ERASURES_COLLECTION = 'privacy_erasures';

export interface PersonKey {
  platformId: string;
  sub: string;
}

export interface ErasureReport {
  /** null in a preview: nothing was erased, nothing recorded. */
  erasureId: string | null;
  /** A preview (dry run): the counts say what an erasure WOULD remove; nothing was changed. */
  preview?: true;
  /** sha256 of platform and sub: lets an operator confirm a request was carried out without keeping who it was. */
  personRef: string;
  at: Date;
  removed: { collection: string; what: string; documents: number }[];
  pseudonymised: { collection: string; what: string; documents: number }[];
  files: number;
  /** What Playroute cannot or may not remove, said plainly for the person and the privacy officer. */
  stays: string[];
  /** Present when assessment decisions about the person were in the audit trail: they went with them (see below). */
  auditTrail?: { entries: number; courses: { platformId: string; deploymentId: string; contextId: string }[]; notice: string };
}

// The audit trail and erasure: decisions ABOUT the person (they are the student) are removed with them, not kept under
// a pseudonym. Considered and rejected: keeping each entry with studentId replaced by a random one-way pseudonym.
// - It would not be erasure. An entry keeps the grade, the outcome, the resource link and the second it was given; the
//   school's LMS gradebook keeps the same grade at the same moment under the student's name (we sent it there), so the
//   school can link the pseudonym back. Data that can be re-identified with information the controller holds is still
//   personal data (GDPR recital 26), and art. 17 would not be met.
// - It would not serve the exam board either: the trail is there to reconstruct a decision about a named student (an
//   appeal, a fraud inquiry); an entry no one can attribute cannot answer that.
// - Whether a legal duty to keep exam records overrides the request (art. 17(3)(b)) is the school's call as controller,
//   not Playroute's as processor. So the report says plainly that the entries are gone and which courses they were in,
//   and the school exports a course's trail (GET /api/audit-trail/export) for the exam board BEFORE it asks for an
//   erasure, or refuses the request where that duty applies. A preview (--preview, or preview: true) lists those
//   courses while nothing is gone yet.
// Decisions the person TOOK (as assessor) stay in the trail, the actor replaced by a pseudonym: they are first of all
// the student's record. That pseudonym is random per erasure (same within one erasure, so one assessor's decisions still
// read as one person's), never a hash of the id: a hash could be recomputed from the LMS's list of user ids.
export const AUDIT_TRAIL_PREVIEW_NOTICE =
  'Assessment decisions about this person are in the audit trail of the courses listed and would be removed with them. If the exam board must keep them, export each course’s audit trail (GET /api/audit-trail/export) now, before erasing.';
export const AUDIT_TRAIL_NOTICE =
  'Assessment decisions about this person were in the audit trail of the courses listed and have been removed with them. If the exam board must keep them, the school exports the course’s audit trail (GET /api/audit-trail/export) before asking for an erasure.';

export const WHAT_STAYS = [
  'Grades already sent to the LMS gradebook stay there: Playroute cannot remove them; ask the LMS administrator.',
  'The LMS keeps its own account, enrolment and activity data of the person.',
  'Backups of the Playroute database keep the data until they expire under the backup schedule.',
  'Playbooks (the course design) stay; where a teacher being erased changed one, their name is replaced by a pseudonym.',
  'In other people’s records that named the person (as assessor, coach, group member), the name is replaced by a pseudonym or removed.',
];

export function personRefOf(person: PersonKey): string {
  return createHash('sha256').update(`${person.platformId}\u0000${person.sub}`).digest('hex');
}

/** The stand-in written where the person was named in someone else's record: random per erasure, so not linkable back. */
export function newPseudonym(): string {
  return `erased-${randomBytes(6).toString('hex')}`;
}

function db(connection: Connection) {
  if (!connection.db) throw new Error('the database connection is not open');
  return connection.db;
}

/** The scope the registry's filters need: the platform's playbooks and the person's routes on them. */
export async function personScope(connection: Connection, person: PersonKey): Promise<PersonScope> {
  const playbooks = await db(connection).collection('playbooks').find({ 'placement.platformId': person.platformId }, { projection: { _id: 1 } }).toArray();
  const playbookIds = playbooks.map((p) => String(p._id));
  const routes = await db(connection).collection('routes').find({ playbookId: { $in: playbookIds }, studentId: person.sub }, { projection: { _id: 1 } }).toArray();
  return { ...person, playbookIds, routeIds: routes.map((r) => String(r._id)) };
}

/**
 * Erases the person, or with `preview` only counts what an erasure would remove and pseudonymise (changing nothing,
 * recording nothing): so the school learns of audit-trail entries while it can still export them.
 */
export async function erasePerson(deps: { connection: Connection; logger: Logger; now?: () => Date }, person: PersonKey, options: { preview?: boolean } = {}): Promise<ErasureReport> {
  const preview = options.preview === true;
  const database = db(deps.connection);
  const scope = await personScope(deps.connection, person);
  const pseudonym = newPseudonym();
  const auditEntries = await database.collection('audit_trail').find({ platformId: person.platformId, studentId: person.sub }, { projection: { platformId: 1, deploymentId: 1, contextId: 1 } }).toArray();
  const auditCourses = [...new Map(auditEntries.map((e) => [JSON.stringify([e.platformId, e.deploymentId, e.contextId]), { platformId: String(e.platformId), deploymentId: String(e.deploymentId), contextId: String(e.contextId) }])).values()];
  const removed: ErasureReport['removed'] = [];
  const pseudonymised: ErasureReport['pseudonymised'] = [];

  // Files first: an attempt removed before its files would leave them orphaned and unfindable by attempt.
  const bucket = new mongoose.mongo.GridFSBucket(database, { bucketName: EVIDENCE_FILES.bucket });
  const files = await database.collection(`${EVIDENCE_FILES.bucket}.files`).find(EVIDENCE_FILES.owner(scope), { projection: { _id: 1 } }).toArray();
  if (!preview) for (const file of files) await bucket.delete(file._id);

  for (const entry of PERSONAL_DATA) {
    const collection = database.collection(entry.collection);
    // Driver calls on purpose: the audit trail's model refuses every delete, and erasure is the one sanctioned exception.
    let changedDocs = 0;
    for (const reference of entry.references ?? []) {
      const docs = await collection.find(reference.within(scope)).toArray();
      for (const doc of docs) {
        const scrubbed = preview ? scrubReference(doc, { path: reference.path, action: reference.action, sub: person.sub, pseudonym }) : await scrubStored(collection, doc, { ...reference, versioned: entry.versioned === true, sub: person.sub, pseudonym });
        if (scrubbed) changedDocs += 1;
      }
    }
    if (changedDocs > 0) pseudonymised.push({ collection: entry.collection, what: entry.what, documents: changedDocs });
    if (entry.owned) {
      const deletedCount = preview ? await collection.countDocuments(entry.owned(scope)) : (await collection.deleteMany(entry.owned(scope))).deletedCount;
      if (deletedCount > 0) removed.push({ collection: entry.collection, what: entry.what, documents: deletedCount });
    }
  }

  const report: ErasureReport = {
    erasureId: preview ? null : randomUUID(),
    ...(preview ? { preview: true as const } : {}),
    personRef: personRefOf(person),
    at: (deps.now ?? (() => new Date()))(),
    removed,
    pseudonymised,
    files: files.length,
    stays: WHAT_STAYS,
    ...(auditEntries.length > 0 ? { auditTrail: { entries: auditEntries.length, courses: auditCourses, notice: preview ? AUDIT_TRAIL_PREVIEW_NOTICE : AUDIT_TRAIL_NOTICE } } : {}),
  };
  if (preview) return report;
  const counts = { removed: removed.map((r) => [r.collection, r.documents]), pseudonymised: pseudonymised.map((r) => [r.collection, r.documents]), files: files.length };
  await database.collection(ERASURES_COLLECTION).insertOne({ _id: report.erasureId as never, personRef: report.personRef, at: report.at, ...counts });
  deps.logger.info({ erasureId: report.erasureId, personRef: report.personRef, ...counts }, 'personal data erased on request');
  return report;
}
