// Stories about signing up for scheduled sessions: never more attendees than seats, also when everyone clicks at once.
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionSignups, type SessionKey, type SessionSignups } from '../../../server/features/learning-routes/data/session-signups';
import { connectTestDatabase } from '../../support/database';

let connection: Connection;
let drop: () => Promise<void>;
let signups: SessionSignups;

beforeAll(async () => {
  ({ connection, drop } = await connectTestDatabase('signups'));
  signups = createSessionSignups(connection);
});

afterAll(async () => {
  await drop();
});

function buildSession(overrides: Partial<SessionKey> = {}): SessionKey {
  return { playbookId: randomUUID(), activityId: 'workshop', sessionId: 's1', ...overrides };
}

describe('signing up for a session', () => {
  it('when 30 students sign up at once for 8 seats, then exactly 8 get one and the rest hear it is full', async () => {
    const session = buildSession();
    const students = Array.from({ length: 30 }, (_, i) => `stu-${i}`);

    const results = await Promise.all(students.map((id) => signups.signUp(session, id, 8)));

    expect(results.filter((r) => r.status === 'signed_up')).toHaveLength(8);
    expect(results.filter((r) => r.status === 'full')).toHaveLength(22);
    const attendees = await signups.attendees(session);
    expect(new Set(attendees).size).toBe(8);
    expect(attendees.every((id) => students.includes(id))).toBe(true);
  });

  it('when a student signs up twice, then the second time says so and takes no seat', async () => {
    const session = buildSession();

    expect(await signups.signUp(session, 'stu-1', 3)).toEqual({ status: 'signed_up', taken: 1 });
    expect(await signups.signUp(session, 'stu-1', 3)).toEqual({ status: 'already_signed_up', taken: 1 });
    expect(await signups.attendees(session)).toEqual(['stu-1']);
  });

  it('when a student in a full session cancels, then the seat is free for the next one', async () => {
    const session = buildSession();
    await signups.signUp(session, 'stu-1', 2);
    await signups.signUp(session, 'stu-2', 2);
    expect(await signups.signUp(session, 'stu-3', 2)).toEqual({ status: 'full', taken: 2 });

    expect(await signups.cancel(session, 'stu-1')).toBe('cancelled');
    expect(await signups.cancel(session, 'stu-1')).toBe('not_signed_up');

    expect(await signups.signUp(session, 'stu-3', 2)).toEqual({ status: 'signed_up', taken: 2 });
    expect(await signups.attendees(session)).toEqual(['stu-2', 'stu-3']);
  });

  it('when nobody signed up yet, then the session has no attendees and cancelling changes nothing', async () => {
    const session = buildSession();
    expect(await signups.attendees(session)).toEqual([]);
    expect(await signups.cancel(session, 'stu-1')).toBe('not_signed_up');
  });
});

describe('overviews of sign-ups', () => {
  it('when a student signed up for sessions of several activities, then their sign-ups in this playbook are listed', async () => {
    const playbookId = randomUUID();
    const workshop = buildSession({ playbookId, activityId: 'workshop', sessionId: 's2' });
    const lab = buildSession({ playbookId, activityId: 'lab', sessionId: 's1' });
    const elsewhere = buildSession({ activityId: 'workshop', sessionId: 's2' });
    await signups.signUp(workshop, 'stu-1', 5);
    await signups.signUp(lab, 'stu-1', 5);
    await signups.signUp(lab, 'stu-2', 5);
    await signups.signUp(elsewhere, 'stu-1', 5);

    expect(await signups.listForStudent(playbookId, 'stu-1')).toEqual([lab, workshop]);
    expect(await signups.listForStudent(playbookId, 'stu-2')).toEqual([lab]);
    expect(await signups.listByPlaybook(playbookId)).toEqual([
      { ...lab, attendees: ['stu-1', 'stu-2'] },
      { ...workshop, attendees: ['stu-1'] },
    ]);
  });
});
