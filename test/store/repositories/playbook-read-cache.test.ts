// Reading a placement's playbook again (every route request does, for each student's save) asks the store only
// whether it is still the same revision, without the design; the whole design travels and is decoded only when it
// changed. A changed playbook is never served from memory: an edit through this repository or through another
// process (another connection, as a second app instance on MongoDB would be) is what the next read returns.
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybook, T0, daysAfter } from '../../../server/domain/test-factories';
import { createPlaybookRepository, type PlacementKey, type PlaybookRepository } from '../../../server/features/playbooks/data/playbook-repository';
import { testMongoUri, uniqueDatabaseName } from '../../support/database';

const dbName = uniqueDatabaseName('playbook_read_cache');
let here: Connection;
let elsewhere: Connection;
let playbooks: PlaybookRepository;
let otherProcess: PlaybookRepository;
/** The documents the store sent back for each find on the playbooks collection, in order. */
const found: Record<string, unknown>[][] = [];

beforeAll(async () => {
  const monitored = new URL(testMongoUri());
  monitored.searchParams.set('monitorCommands', 'true');
  here = mongoose.createConnection(monitored.toString(), { dbName });
  elsewhere = mongoose.createConnection(testMongoUri(), { dbName });
  await Promise.all([here.asPromise(), elsewhere.asPromise()]);
  let clock = 0;
  // Every write gets its own instant, as writes a moment apart do.
  const now = () => daysAfter(T0, ++clock / 1000);
  playbooks = createPlaybookRepository(here, { now });
  otherProcess = createPlaybookRepository(elsewhere, { now });
  here.getClient().on('commandSucceeded', (event) => {
    if (event.commandName !== 'find') return;
    const cursor = (event.reply as { cursor?: { ns?: string; firstBatch?: Record<string, unknown>[] } }).cursor;
    if (cursor?.ns?.endsWith('.playbooks')) found.push(cursor.firstBatch ?? []);
  });
});

afterAll(async () => {
  await here.dropDatabase();
  await Promise.all([here.close(), elsewhere.close()]);
});

function placement(): PlacementKey {
  return { platformId: 'https://canvas.example.edu', deploymentId: 'dep-1', contextId: `course-${randomUUID()}`, resourceLinkId: `link-${randomUUID()}` };
}

async function publishedPlaybook(key: PlacementKey) {
  const { id: _id, placementId: _placementId, ...playbook } = { ...buildPlaybook(), status: 'published' as const, publishedAt: T0 };
  return playbooks.create({ placement: key, playbook, outcomes: [] });
}

/** The fields of the documents the next read's find brought back. */
async function fieldsReadBy(read: () => Promise<unknown>): Promise<string[][]> {
  found.length = 0;
  await read();
  return found.flatMap((batch) => batch.map((doc) => Object.keys(doc).sort()));
}

describe('reading a placement’s playbook again', () => {
  it('when nothing changed, then the store sends its id, revision and last change without the design, and the playbook reads the same', async () => {
    const key = placement();
    const created = await publishedPlaybook(key);
    expect(await playbooks.getByPlacement(key)).toStrictEqual(created);

    let again: unknown;
    const fields = await fieldsReadBy(async () => {
      again = await playbooks.getByPlacement(key);
    });
    expect(fields).toHaveLength(1);
    expect(fields[0]).toEqual(expect.arrayContaining(['_id', 'revision', 'updatedAt']));
    const design = ['activities', 'outcomes', 'description', 'rules', 'recommendedRoute', 'assessmentWindows', 'outcomeIds', 'title', 'placement', 'history'];
    expect(fields[0]?.filter((field) => design.includes(field))).toEqual([]);
    expect(again).toStrictEqual(created);
  });

  it('when a teacher edits it here or in another process, then the next read returns the edit', async () => {
    const key = placement();
    const created = await publishedPlaybook(key);
    await playbooks.getByPlacement(key);

    const edited = await playbooks.save({ playbook: { ...created.playbook, title: 'Edited here', selfDirectionLevel: 1 }, outcomes: [] }, created.revision);
    expect(await playbooks.getByPlacement(key)).toStrictEqual(edited);

    const elsewhereEdit = await otherProcess.save({ playbook: { ...edited.playbook, title: 'Edited elsewhere', recommendedRoute: ['activate'] }, outcomes: [] }, edited.revision);
    const read = await playbooks.getByPlacement(key);
    expect(read).toStrictEqual(elsewhereEdit);
    expect(read?.playbook).toMatchObject({ title: 'Edited elsewhere', recommendedRoute: ['activate'], selfDirectionLevel: 1 });
  });

  it('when the playbook moved to another link or was removed, then its old link finds nothing and the new one finds it there', async () => {
    const from = placement();
    const to = { ...from, resourceLinkId: `link-${randomUUID()}` };
    const created = await publishedPlaybook(from);
    await playbooks.getByPlacement(from);

    await otherProcess.movePlacement(created.playbook.id, from, to);
    expect(await playbooks.getByPlacement(from)).toBeUndefined();
    expect((await playbooks.getByPlacement(to))?.placement).toStrictEqual(to);

    await elsewhere.collection('playbooks').deleteOne({ _id: created.playbook.id as never });
    expect(await playbooks.getByPlacement(to)).toBeUndefined();
  });

  it('when a caller changes the playbook it was given, then it cannot change what the next read returns', async () => {
    const key = placement();
    const created = await publishedPlaybook(key);
    const first = await playbooks.getByPlacement(key);
    try {
      if (first) (first.playbook as { title: string }).title = 'scribbled';
    } catch {
      // A frozen playbook refuses the change outright, which is fine too.
    }
    expect((await playbooks.getByPlacement(key))?.playbook.title).toBe(created.playbook.title);
  });
});
