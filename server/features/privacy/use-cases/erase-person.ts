// Erasure on request (GDPR art. 17): every document and evidence file of one person on one platform is removed, and
// where others' records name them (assessor, coach, group member) the name is pulled out or replaced by a pseudonym.
// The erasure is logged and recorded without personal data: a random erasure id, a one-way hash of the person, counts.
import { createHash, randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../../../logger';
import { EVIDENCE_FILES, PERSONAL_DATA, type PersonScope } from '../data/personal-data-registry';
import { scrubReference } from './scrub-reference';

export const ERASURES_COLLECTION = 'privacy_erasures';

export interface PersonKey {
  platformId: string;
  sub: string;
}

export interface ErasureReport {
  erasureId: string;
  /** sha256 of platform and sub: lets an operator confirm a request was carried out without keeping who it was. */
  personRef: string;
  at: Date;
  removed: { collection: string; what: string; documents: number }[];
  pseudonymised: { collection: string; what: string; documents: number }[];
  files: number;
  /** What Playroute cannot or may not remove, said plainly for the person and the privacy officer. */
  stays: string[];
}

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

/** The stand-in written where the person was named in someone else's record: stable per person, not reversible. */
export function pseudonymOf(person: PersonKey): string {
  return `erased-${personRefOf(person).slice(0, 12)}`;
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

export async function erasePerson(deps: { connection: Connection; logger: Logger; now?: () => Date }, person: PersonKey): Promise<ErasureReport> {
  const database = db(deps.connection);
  const scope = await personScope(deps.connection, person);
  const pseudonym = pseudonymOf(person);
  const removed: ErasureReport['removed'] = [];
  const pseudonymised: ErasureReport['pseudonymised'] = [];

  // Files first: an attempt removed before its files would leave them orphaned and unfindable by attempt.
  const bucket = new mongoose.mongo.GridFSBucket(database, { bucketName: EVIDENCE_FILES.bucket });
  const files = await database.collection(`${EVIDENCE_FILES.bucket}.files`).find(EVIDENCE_FILES.owner(scope), { projection: { _id: 1 } }).toArray();
  for (const file of files) await bucket.delete(file._id);

  for (const entry of PERSONAL_DATA) {
    const collection = database.collection(entry.collection);
    // Driver calls on purpose: the audit trail's model refuses every delete, and erasure is the one sanctioned exception.
    let changedDocs = 0;
    for (const reference of entry.references ?? []) {
      const docs = await collection.find(reference.within(scope)).toArray();
      for (const doc of docs) {
        const scrubbed = scrubReference(doc, { path: reference.path, action: reference.action, sub: person.sub, pseudonym });
        if (!scrubbed) continue;
        await collection.replaceOne({ _id: doc._id }, scrubbed);
        changedDocs += 1;
      }
    }
    if (changedDocs > 0) pseudonymised.push({ collection: entry.collection, what: entry.what, documents: changedDocs });
    if (entry.owned) {
      const { deletedCount } = await collection.deleteMany(entry.owned(scope));
      if (deletedCount > 0) removed.push({ collection: entry.collection, what: entry.what, documents: deletedCount });
    }
  }

  const report: ErasureReport = { erasureId: randomUUID(), personRef: personRefOf(person), at: (deps.now ?? (() => new Date()))(), removed, pseudonymised, files: files.length, stays: WHAT_STAYS };
  const counts = { removed: removed.map((r) => [r.collection, r.documents]), pseudonymised: pseudonymised.map((r) => [r.collection, r.documents]), files: files.length };
  await database.collection(ERASURES_COLLECTION).insertOne({ _id: report.erasureId as never, personRef: report.personRef, at: report.at, ...counts });
  deps.logger.info({ erasureId: report.erasureId, personRef: report.personRef, ...counts }, 'personal data erased on request');
  return report;
}
