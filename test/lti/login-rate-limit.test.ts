// The login rate limit's counter (server/lti/store/rate-limit-counters.ts) as several Playroute processes hold it on one
// database: each process counts a client's logins itself and adds them to the shared count a block at a time, so a
// busy client costs the store one command per block and a lone login none, while the limit still holds across
// processes within the documented bound: never fewer than the limit admitted, never more than limit + P×(K−1).
import mongoose, { type Connection } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import type { Store } from 'express-rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSizeFor, createRateLimitCounters } from '../../server/lti/store/rate-limit-counters';
import { testMongoUri, uniqueDatabaseName } from '../support/database';

const PROCESSES = 3;
const dbName = uniqueDatabaseName('rate_limit');
const connections: Connection[] = [];
let commands = 0;

beforeAll(async () => {
  const monitored = new URL(testMongoUri());
  monitored.searchParams.set('monitorCommands', 'true');
  for (let i = 0; i < PROCESSES; i += 1) {
    // A connection of its own per "process", as each Playroute process has.
    const connection = mongoose.createConnection(monitored.toString(), { dbName });
    await connection.asPromise();
    connection.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (event.commandName === 'findAndModify' && event.command.findAndModify === 'lti_rate_limits') commands += 1;
    });
    connections.push(connection);
  }
});

afterAll(async () => {
  await connections[0]?.dropDatabase();
  for (const connection of connections) await connection.close();
});

/**
 * One counter per process, all on the same database, at a fixed moment well inside a minute window — in the future, so
 * the store's TTL monitor (which removes windows whose resetAt has passed) leaves the counts alone while a test runs.
 */
function countersAt(prefix: string, limit: number, at: { time: number }): Store[] {
  return connections.map((connection) => {
    const store = createRateLimitCounters(connection, { prefix, limit, now: () => new Date(at.time) });
    store.init?.({ windowMs: 60_000 } as never);
    return store;
  });
}

/** `hits` logins of one client, sent to the processes in turn (a round-robin load balancer); which were admitted. */
async function roundRobin(stores: Store[], key: string, hits: number, limit: number): Promise<boolean[]> {
  const admitted: boolean[] = [];
  for (let i = 0; i < hits; i += 1) {
    const info = await stores[i % stores.length]?.increment(key);
    admitted.push((info?.totalHits ?? Infinity) <= limit);
  }
  return admitted;
}

describe('the login rate limit across processes', () => {
  it('a busy client at three processes: at least the limit admitted before any refusal, at most limit + P×(K−1), for one store command per block', async () => {
    const limit = 60;
    const block = blockSizeFor(limit);
    expect(block).toBeGreaterThan(1);
    const at = { time: Date.UTC(2100, 0, 1, 10, 0, 10) };
    const stores = countersAt('busy', limit, at);
    commands = 0;
    const admitted = await roundRobin(stores, '10.0.0.1 https://lms.example.edu', 200, limit);
    const firstRefusal = admitted.indexOf(false);
    expect(firstRefusal).toBeGreaterThanOrEqual(limit);
    expect(admitted.filter(Boolean).length).toBeLessThanOrEqual(limit + PROCESSES * (block - 1));
    // Once a process has learnt the client is over the limit (within its next K hits), it refuses the rest of the
    // window without asking the store again.
    expect(admitted.slice(limit + 2 * PROCESSES * block)).not.toContain(true);
    expect(commands).toBeLessThanOrEqual(Math.ceil((limit + PROCESSES * (block - 1)) / block) + PROCESSES);

    // The next minute is a new window: the client is admitted again.
    at.time += 60_000;
    expect(await roundRobin(stores, '10.0.0.1 https://lms.example.edu', 3, limit)).toEqual([true, true, true]);
  });

  it('a lone login asks the store nothing for the limit', async () => {
    const at = { time: Date.UTC(2100, 0, 1, 10, 5, 10) };
    const stores = countersAt('lone', 300, at);
    commands = 0;
    expect(await roundRobin(stores, '10.0.0.2 https://lms.example.edu', PROCESSES, 300)).toEqual([true, true, true]);
    expect(commands).toBe(0);
  });

  it('a limit under twenty a minute counts every login in the store: exactly the limit admitted across processes', async () => {
    const limit = 6;
    expect(blockSizeFor(limit)).toBe(1);
    const at = { time: Date.UTC(2100, 0, 1, 10, 10, 10) };
    const stores = countersAt('small', limit, at);
    commands = 0;
    const admitted = await roundRobin(stores, '10.0.0.3 https://lms.example.edu', limit + 3, limit);
    expect(admitted).toEqual([...Array<boolean>(limit).fill(true), false, false, false]);
    expect(commands).toBe(limit + 3);
  });
});
