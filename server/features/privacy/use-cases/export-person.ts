// A person's own copy of everything Playroute holds about them (GDPR art. 15 and 20): one zip with data.json (every
// document of theirs, by collection, from the same registry erasure uses) and their evidence files under files/.
// Where they are only named in someone else's record (a project group, a session's sign-up list), the export says
// which record, without the others in it.
import mongoose, { type Connection } from 'mongoose';
import { EVIDENCE_FILES, PERSONAL_DATA } from '../data/personal-data-registry';
import { personScope, type PersonKey } from './erase-person';
import { zip, type ZipEntry } from './zip-writer';

export interface PersonExport {
  archive: Buffer;
  filename: string;
}

function db(connection: Connection) {
  if (!connection.db) throw new Error('the database connection is not open');
  return connection.db;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

export async function exportPerson(deps: { connection: Connection; now?: () => Date }, person: PersonKey): Promise<PersonExport> {
  const database = db(deps.connection);
  const scope = await personScope(deps.connection, person);
  const now = (deps.now ?? (() => new Date()))();
  const collections: Record<string, { what: string; documents: unknown[] }> = {};
  const namedIn: Record<string, { what: string; records: unknown[] }> = {};
  for (const entry of PERSONAL_DATA) {
    if (entry.owned) {
      const documents = await database.collection(entry.collection).find(entry.owned(scope)).toArray();
      if (documents.length > 0) collections[entry.collection] = { what: entry.what, documents };
    }
    if (!entry.owned) {
      // Only the record's id and playbook: the rest of it (the other members) is other people's data.
      const records: unknown[] = [];
      for (const reference of entry.references ?? []) {
        const docs = await database.collection(entry.collection).find(reference.within(scope), { projection: { _id: 1, playbookId: 1 } }).toArray();
        records.push(...docs);
      }
      if (records.length > 0) namedIn[entry.collection] = { what: entry.what, records };
    }
  }

  const bucket = new mongoose.mongo.GridFSBucket(database, { bucketName: EVIDENCE_FILES.bucket });
  const files = await database.collection(`${EVIDENCE_FILES.bucket}.files`).find(EVIDENCE_FILES.owner(scope)).toArray();
  const fileEntries: ZipEntry[] = [];
  const fileIndex: unknown[] = [];
  for (const file of files) {
    const safeName = String(file.filename).replace(/[/\\]/g, '_');
    const name = `files/${String(file._id)}-${safeName}`;
    fileEntries.push({ name, data: await readAll(bucket.openDownloadStream(file._id)), modified: file.uploadDate as Date });
    fileIndex.push({ path: name, filename: file.filename, length: file.length, uploadDate: file.uploadDate, metadata: file.metadata });
  }

  const data = {
    exportedAt: now,
    person: { platformId: person.platformId, sub: person.sub },
    about:
      'Everything Playroute holds about you on this learning environment: your documents by collection, the records of others that name you, and your evidence files (in files/). Grades also live in the learning environment itself.',
    collections,
    namedIn,
    files: fileIndex,
  };
  const archive = zip([{ name: 'data.json', data: Buffer.from(JSON.stringify(data, null, 2), 'utf8'), modified: now }, ...fileEntries]);
  return { archive, filename: `playroute-my-data-${now.toISOString().slice(0, 10)}.zip` };
}
