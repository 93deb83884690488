// The TTL sweep removes exactly the expired documents, read off the TTL index's ordered dates: a date at or
// before the cutoff, the earliest of an array of dates, never a document without a date; and it keeps doing so
// as documents come and go.
import { describe, expect, it } from 'vitest';
import { Catalog } from './catalog';
import { sweepExpired } from './ttl';

describe('TTL sweep', () => {
  it('removes documents whose date (or earliest date) is past the expiry, and nothing else, sweep after sweep', () => {
    const catalog = new Catalog({ record: () => undefined });
    const sessions = catalog.ensureCollection('app', 'sessions');
    sessions.createIndex({ v: 2, key: { at: 1 }, name: 'at_1', expireAfterSeconds: 60 });
    const now = 1_000_000_000;
    const at = (secondsAgo: number): Date => new Date(now - secondsAgo * 1000);
    sessions.insert({ _id: 'old', at: at(120) });
    sessions.insert({ _id: 'fresh', at: at(10) });
    sessions.insert({ _id: 'edge', at: at(60) });
    sessions.insert({ _id: 'no-date', at: 'yesterday' });
    sessions.insert({ _id: 'missing' });

    expect(sweepExpired(catalog, now)).toBe(2);
    expect(sessions.documents().map((d) => d._id)).toEqual(['fresh', 'no-date', 'missing']);

    sessions.insert({ _id: 'later-old', at: at(500) });
    sessions.insert({ _id: 'dates', at: [at(5), at(90)] }); // MongoDB uses the earliest date of an array
    expect(sweepExpired(catalog, now + 55_000)).toBe(3);
    expect(sessions.documents().map((d) => d._id)).toEqual(['no-date', 'missing']);
  });
});
