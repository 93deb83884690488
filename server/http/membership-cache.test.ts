// The membership cache's own rules: what it keeps, for how long, and what a write makes it forget.
import { describe, expect, it } from 'vitest';
import { createMembershipCache, type MembershipKey } from './membership-cache';

const course = { platformId: 'p', deploymentId: 'd', contextId: 'c' };
const person = (sub: string): MembershipKey => ({ ...course, sub });

/** A store stand-in that counts reads and answers what the test says. */
function reads(answer: boolean | (() => Promise<boolean>)) {
  let count = 0;
  const read = () => {
    count += 1;
    return typeof answer === 'boolean' ? Promise.resolve(answer) : answer();
  };
  return { read, count: () => count };
}

describe('the membership cache', () => {
  it('answers from memory within its time to live and reads again after it', async () => {
    let now = 1_000;
    const cache = createMembershipCache({ ttlMs: 100, now: () => now });
    const store = reads(true);
    await cache.answer(person('a'), store.read);
    now += 99;
    expect(await cache.answer(person('a'), store.read)).toBe(true);
    expect(store.count()).toBe(1);
    now += 1;
    await cache.answer(person('a'), store.read);
    expect(store.count()).toBe(2);
  });

  it('forgets one person on their write and the whole course on a class list write, not other courses', async () => {
    const cache = createMembershipCache({ now: () => 0 });
    const store = reads(true);
    const elsewhere = { ...person('a'), contextId: 'c2' };
    for (const key of [person('a'), person('b'), elsewhere]) await cache.answer(key, store.read);
    cache.forget(person('a'));
    await cache.answer(person('a'), store.read);
    await cache.answer(person('b'), store.read);
    expect(store.count()).toBe(4);
    cache.forget(course);
    await cache.answer(person('a'), store.read);
    await cache.answer(person('b'), store.read);
    await cache.answer(elsewhere, store.read);
    expect(store.count()).toBe(6);
  });

  it('does not keep an answer whose read began before a membership write ended: it may be the old one', async () => {
    const cache = createMembershipCache({ now: () => 0 });
    let release: (member: boolean) => void = () => undefined;
    const slow = reads(() => new Promise<boolean>((resolve) => (release = resolve)));
    const pending = cache.answer(person('a'), slow.read);
    cache.forget(course);
    release(true);
    expect(await pending).toBe(true);
    const store = reads(false);
    expect(await cache.answer(person('a'), store.read)).toBe(false);
  });

  it('keeps at most its bound of answers, letting the oldest go', async () => {
    const cache = createMembershipCache({ maxEntries: 2, now: () => 0 });
    const store = reads(true);
    for (const sub of ['a', 'b', 'c']) await cache.answer(person(sub), store.read);
    await cache.answer(person('c'), store.read);
    await cache.answer(person('b'), store.read);
    expect(store.count()).toBe(3);
    await cache.answer(person('a'), store.read);
    expect(store.count()).toBe(4);
  });
});
