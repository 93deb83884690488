// Erasure reaches what a teacher leaves in the intake and the pairs: a teacher who saved the intake design and the peer
// rules, reopened a student's intake (its history names them) and ended a junior/peer pair (the pair names who ended
// it) is erased, and then no document names them, while the students keep their intake and the pair's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from 'mongodb';
import { recordingPublisher, type GradingHarness } from '../support/grading-seed';
import { startLtiHarness } from '../support/lti-harness';
import { calls, daan, fleur, seedIntakePlacement, teacherId } from '../support/intake-class';
import { findEverywhere } from '../support/find-everywhere';

const OPERATOR_KEY = 'privacy-admin-token-0123456789-abcdefghij';

describe('erasing a teacher who reopened an intake and ended a pair', () => {
  let g: GradingHarness;
  let db: Db;

  beforeAll(async () => {
    const h = await startLtiHarness({ env: { PRIVACY_ADMIN_TOKEN: OPERATOR_KEY } });
    g = { h, publisher: recordingPublisher(), api: h.api, json: async (t, p, i) => { const r = await h.api(t, p, i); return { status: r.status, body: await r.json() }; }, close: () => h.close() };
    if (!h.database.connection.db) throw new Error('no database');
    db = h.database.connection.db as unknown as Db;
  });
  afterAll(async () => {
    await g.close();
  });

  it('leaves no document naming the teacher; the intake history and the ended pair stay, pseudonymised', async () => {
    const c = calls(g);
    const placed = await seedIntakePlacement(g);
    const teacher = await placed.launch(teacherId);
    await c.addIntake(teacher);
    await c.ok(await c.send(teacher, 'PUT', '/api/peers/settings', { version: 0, maxJuniorsPerPeer: 2, minimumPeerRank: null }));
    const [daans, fleurs] = await Promise.all([placed.launch(daan), placed.launch(fleur)]);
    const submitted = await c.submitIntake(daans, { plan: 1, pitch: 4 });
    await c.submitIntake(fleurs, { plan: 3, pitch: 4 });
    await c.ok(await c.send(fleurs, 'PUT', '/api/peers/offer', { points: [{ outcomeId: 'lo-plan' }] }));
    await c.ok(await c.send(daans, 'POST', '/api/peers/requests', { outcomeId: 'lo-plan', peerId: fleur }), 201);
    const me = await c.ok<{ incoming: { id: string }[] }>(await g.api(fleurs, '/api/peers/me'));
    const requestId = me.incoming[0]?.id ?? '';
    await c.ok(await c.send(fleurs, 'POST', `/api/peers/requests/${requestId}/accept`));
    await c.ok(await c.send(teacher, 'POST', `/api/peers/pairs/${requestId}/end`));
    await c.ok(await c.send(teacher, 'POST', `/api/intake/students/${daan}/reopen`, { version: submitted.response?.version, reason: 'check the pitch' }));
    const before = (await findEverywhere(db, teacherId, { withIds: false })).map((hit) => hit.replace(/\[\d+\]/g, '[]'));
    expect(before).toEqual(expect.arrayContaining(['intake_responses history[].by', 'peer_requests endedBy', 'intake_designs updatedBy', 'peer_settings updatedBy']));

    const res = await fetch(`${g.h.toolBase}/admin/privacy/erasures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_KEY}` },
      body: JSON.stringify({ platformId: g.h.platform.id, sub: teacherId }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await findEverywhere(db, teacherId, { withIds: false })).toEqual([]);
    const intake = await db.collection('intake_responses').findOne({ studentId: daan });
    expect((intake?.history as { kind: string; by: string; reason?: string }[]).map((e) => e.kind)).toEqual(['submitted', 'reopened']);
    expect((intake?.history as { reason?: string }[])[1]?.reason).toBe('check the pitch');
    expect(await db.collection('peer_requests').findOne({ _id: requestId as never })).toMatchObject({ status: 'ended' });
  });
});
