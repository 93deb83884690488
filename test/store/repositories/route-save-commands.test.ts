// What a route save asks of the store, counted with the MongoDB driver's command monitoring (test/bench/store-commands.ts):
// three commands — read the route, write it over its version, append its history — and one wait for the journal.
// The route's write is applied at once and the history's journaled insert, sent after it, makes both durable before
// the save answers (the journal is one ordered log: a write on disk means every write before it is too).
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveRoute } from '../../../server/domain/route-compose';
import { buildPlaybook, buildRoute, student, T0, daysAfter } from '../../../server/domain/test-factories';
import { createRouteRepository, type RouteRepository } from '../../../server/features/learning-routes/data/route-repository';
import { newId } from '../../../server/store/ids';
import { StoreCommandCounter } from '../../bench/store-commands';
import { testMongoUri, uniqueDatabaseName } from '../../support/database';

let connection: Connection;
let routes: RouteRepository;
let counter: StoreCommandCounter;
const sent: { name: string; writeConcern: unknown }[] = [];

beforeAll(async () => {
  const monitored = new URL(testMongoUri());
  monitored.searchParams.set('monitorCommands', 'true');
  connection = mongoose.createConnection(monitored.toString(), { dbName: uniqueDatabaseName('route_save_commands') });
  await connection.asPromise();
  routes = createRouteRepository(connection);
  const client = connection.getClient();
  counter = new StoreCommandCounter([client]);
  client.on('commandStarted', (event) => sent.push({ name: `${event.commandName} ${String(event.command[event.commandName])}`, writeConcern: event.command.writeConcern }));
});

afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('a route save', () => {
  it('reads the route, writes it and appends its history in three commands, waiting for the journal once, after both writes', async () => {
    const playbook = { ...buildPlaybook(), status: 'published' as const, selfDirectionLevel: 3 as const };
    const created = await routes.create(buildRoute({ id: newId(), playbookId: playbook.id, entries: [{ activityId: 'activate', status: 'planned' }] }));

    // The models' own start-up (collections and indexes, made once per process) is not part of a save.
    await Promise.all(Object.values(connection.models).map((model) => model.init()));
    counter.phase = 'save';
    sent.length = 0;
    const route = await routes.getForStudent(playbook.id, student.id);
    if (!route) throw new Error('the route was not stored');
    const next = saveRoute({ playbook, route, actor: student, entries: [{ activityId: 'lecture' }], now: daysAfter(T0, 1), expectedVersion: route.version });
    await routes.save(next, route.version);
    counter.phase = undefined;

    const tally = counter.phases.get('save');
    expect(Object.fromEntries(tally?.byCommand ?? [])).toEqual({ 'find routes': 1, 'update routes': 1, 'insert route_history': 1 });
    expect(tally?.syncedWrites).toBe(1);
    // The route's write goes first without waiting; the history's insert after it waits for the journal.
    expect(sent.map((command) => command.name)).toEqual(['find routes', 'update routes', 'insert route_history']);
    expect(sent[1]?.writeConcern).toMatchObject({ j: false });
    expect(sent[2]?.writeConcern).toBeUndefined();
    expect(await routes.get(created.id)).toMatchObject({ version: route.version + 1, entries: [{ activityId: 'lecture' }] });
    expect((await routes.history(created.id)).map((entry) => entry.change.kind)).toContain('entries_saved');
  });
});
