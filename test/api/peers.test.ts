// Junior and peer through real launches: the intake and grades decide who is junior or may be a peer; a junior asks a
// proposed peer, the peer answers, the load never passes N, the coach sees the pairs, and no student sees another's level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handInText, judgement, startGradingHarness, type GradingHarness } from '../support/grading-seed';
import { calls, coachId, daan, fleur, noor, oliver, priya, seedIntakePlacement, teacherId } from '../support/intake-class';
import { launchInOtherCourse } from '../support/lti-harness';
import { Role } from '../../server/lti/claims';

let g: GradingHarness;
let c: ReturnType<typeof calls>;
beforeAll(async () => {
  g = await startGradingHarness();
  c = calls(g);
});
afterAll(async () => {
  await g.close();
});

interface Person {
  id: string;
  name: string | null;
  email: string | null;
}
interface PeersAnswer {
  junior: { outcomeId: string; indicatorId?: string }[];
  canOffer: { outcomeId: string; indicatorId?: string }[];
  peerOn: { outcomeId: string }[];
  juniors: { count: number; max: number };
  asked: { id: string; status: string; point: { outcomeId: string }; peer: Person }[];
  incoming: { id: string; status: string; point: { outcomeId: string }; junior: Person }[];
}
interface ProposalsAnswer {
  peers: { id: string; name: string | null; peerOn: { outcomeId: string; indicatorId?: string }[] }[];
}

const PLAN = { outcomeId: 'lo-plan' };

/**
 * A class with an intake: on lo-plan (target 2) Daan, Oliver and Noor place themselves at 1 (juniors), Priya at 2 and
 * Fleur at 3; Fleur and Priya offer help on it. Each student's session is kept.
 */
async function classWithPeers(options: { max?: number; minimumPeerRank?: number | null } = {}) {
  const placed = await seedIntakePlacement(g);
  const teacher = await placed.launch(teacherId);
  await c.addIntake(teacher);
  if (options.max !== undefined || options.minimumPeerRank !== undefined) {
    await c.ok(await c.send(teacher, 'PUT', '/api/peers/settings', { version: 0, maxJuniorsPerPeer: options.max ?? 3, minimumPeerRank: options.minimumPeerRank ?? null }));
  }
  const tokens: Record<string, string> = {};
  const ranks: Record<string, { plan: number; pitch: number }> = { [daan]: { plan: 1, pitch: 4 }, [oliver]: { plan: 1, pitch: 2 }, [noor]: { plan: 1, pitch: 1 }, [priya]: { plan: 2, pitch: 3 }, [fleur]: { plan: 3, pitch: 4 } };
  for (const [student, rank] of Object.entries(ranks)) {
    tokens[student] = await placed.launch(student);
    await c.submitIntake(tokens[student] ?? '', rank);
  }
  const as = (student: string): string => {
    const token = tokens[student];
    if (!token) throw new Error(`no session for ${student}`);
    return token;
  };
  return { placed, teacher, as };
}

async function offer(token: string, points = [PLAN]): Promise<Response> {
  return c.send(token, 'PUT', '/api/peers/offer', { points });
}

describe('a junior finds a peer', () => {
  it('Daan asks a proposed peer, Fleur accepts, both see each other\'s contact; the coach sees the pair', async () => {
    const { placed, as } = await classWithPeers({ max: 1 });
    const me = await c.ok<PeersAnswer>(await g.api(as(daan), '/api/peers/me'));
    expect(me.junior).toContainEqual(PLAN);
    expect(me.canOffer).toContainEqual({ outcomeId: 'lo-pitch' });
    await c.ok(await offer(as(fleur)));
    await c.ok(await offer(as(priya)));

    const proposals = await c.ok<ProposalsAnswer>(await g.api(as(daan), '/api/peers/proposals?outcomeId=lo-plan'));
    expect(proposals.peers.map((p) => [p.id, p.name])).toEqual([
      [fleur, 'Fleur van den Berg'],
      [priya, 'Priya Sharma'],
    ]);
    const asked = await c.ok<PeersAnswer>(await c.send(as(daan), 'POST', '/api/peers/requests', { ...PLAN, peerId: fleur }), 201);
    expect(asked.asked).toMatchObject([{ status: 'pending', peer: { id: fleur, name: 'Fleur van den Berg', email: null } }]);

    const fleurs = await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'));
    expect(fleurs.incoming).toMatchObject([{ status: 'pending', point: PLAN, junior: { id: daan, name: 'Daan Jansen', email: null } }]);
    const accepted = await c.ok<PeersAnswer>(await c.send(as(fleur), 'POST', `/api/peers/requests/${fleurs.incoming[0]?.id}/accept`));
    expect(accepted.incoming[0]).toMatchObject({ status: 'accepted', junior: { email: `${daan}@student.example.edu` } });
    expect(accepted.juniors).toEqual({ count: 1, max: 1 });
    const daans = await c.ok<PeersAnswer>(await g.api(as(daan), '/api/peers/me'));
    expect(daans.asked[0]).toMatchObject({ status: 'accepted', peer: { id: fleur, email: `${fleur}@student.example.edu` } });

    // Fleur has her one junior: Oliver is proposed only Priya.
    const forOliver = await c.ok<ProposalsAnswer>(await g.api(as(oliver), '/api/peers/proposals?outcomeId=lo-plan'));
    expect(forOliver.peers.map((p) => p.id)).toEqual([priya]);
    expect((await c.refusal(await c.send(as(oliver), 'POST', '/api/peers/requests', { ...PLAN, peerId: fleur }), 409)).code).toBe('peer_not_available');

    const coach = await placed.launch(coachId);
    const pairs = await c.ok<{ pairs: { status: string; junior: Person; peer: Person }[] }>(await g.api(coach, '/api/peers/pairs'));
    expect(pairs.pairs).toEqual([expect.objectContaining({ status: 'accepted', junior: { id: daan, name: 'Daan Jansen', email: null }, peer: { id: fleur, name: 'Fleur van den Berg', email: null } })]);
    expect((await c.refusal(await g.api(as(daan), '/api/peers/pairs'), 403)).code).toBe('not_authorised');
  });

  it('a peer declines; the junior can then ask another, and withdraws a request of their own only', async () => {
    const { as } = await classWithPeers();
    await c.ok(await offer(as(fleur)));
    await c.ok(await offer(as(priya)));
    const asked = await c.ok<PeersAnswer>(await c.send(as(noor), 'POST', '/api/peers/requests', { ...PLAN, peerId: priya }), 201);
    expect((await c.refusal(await c.send(as(noor), 'POST', '/api/peers/requests', { ...PLAN, peerId: fleur }), 409)).code).toBe('already_asked');
    const requestId = asked.asked[0]?.id ?? '';
    expect((await c.refusal(await c.send(as(noor), 'POST', `/api/peers/requests/${requestId}/accept`), 403)).code).toBe('not_authorised');
    expect((await c.refusal(await c.send(as(daan), 'POST', `/api/peers/requests/${requestId}/decline`), 404)).code).toBe('peer_request_not_found');
    await c.ok(await c.send(as(priya), 'POST', `/api/peers/requests/${requestId}/decline`));
    expect((await c.refusal(await c.send(as(priya), 'POST', `/api/peers/requests/${requestId}/accept`), 409)).code).toBe('invalid_transition');

    const again = await c.ok<ProposalsAnswer>(await g.api(as(noor), '/api/peers/proposals?outcomeId=lo-plan'));
    expect(again.peers.map((p) => p.id)).toEqual([fleur]);
    const second = await c.ok<PeersAnswer>(await c.send(as(noor), 'POST', '/api/peers/requests', { ...PLAN, peerId: fleur }), 201);
    const open = second.asked.find((r) => r.status === 'pending');
    await c.ok(await c.send(as(noor), 'POST', `/api/peers/requests/${open?.id}/withdraw`));
    expect((await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'))).incoming.map((r) => r.status)).toEqual(['withdrawn']);
  });

  it('two juniors accepted at the same moment never take a peer past N', async () => {
    const { as } = await classWithPeers({ max: 1 });
    await c.ok(await offer(as(priya)));
    await c.ok(await c.send(as(daan), 'POST', '/api/peers/requests', { ...PLAN, peerId: priya }), 201);
    await c.ok(await c.send(as(oliver), 'POST', '/api/peers/requests', { ...PLAN, peerId: priya }), 201);
    const incoming = (await c.ok<PeersAnswer>(await g.api(as(priya), '/api/peers/me'))).incoming;
    expect(incoming).toHaveLength(2);
    const answers = await Promise.all(incoming.map((r) => c.send(as(priya), 'POST', `/api/peers/requests/${r.id}/accept`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const after = await c.ok<PeersAnswer>(await g.api(as(priya), '/api/peers/me'));
    expect(after.juniors).toEqual({ count: 1, max: 1 });
    expect(after.incoming.filter((r) => r.status === 'accepted')).toHaveLength(1);
  });
});

describe('ending a pair', () => {
  /** Daan asks Fleur on the plan and she accepts; N is 1, so Fleur is then full. */
  async function pairedClass() {
    const k = await classWithPeers({ max: 1 });
    await c.ok(await offer(k.as(fleur)));
    await c.ok(await c.send(k.as(daan), 'POST', '/api/peers/requests', { ...PLAN, peerId: fleur }), 201);
    const requestId = (await c.ok<PeersAnswer>(await g.api(k.as(fleur), '/api/peers/me'))).incoming[0]?.id ?? '';
    await c.ok(await c.send(k.as(fleur), 'POST', `/api/peers/requests/${requestId}/accept`));
    return { ...k, requestId };
  }
  const proposedTo = async (token: string) => (await c.ok<ProposalsAnswer>(await g.api(token, '/api/peers/proposals?outcomeId=lo-plan'))).peers.map((p) => p.id);

  it("the junior ends it: the peer's place frees up, neither sees the other's contact, the coach's list no longer has it, and the junior may ask again", async () => {
    const { placed, as, requestId } = await pairedClass();
    expect(await proposedTo(as(oliver))).toEqual([]);
    const coach = await placed.launch(coachId);
    expect((await c.ok<{ pairs: unknown[] }>(await g.api(coach, '/api/peers/pairs'))).pairs).toHaveLength(1);

    const ended = await c.ok<PeersAnswer>(await c.send(as(daan), 'POST', `/api/peers/requests/${requestId}/end`));
    expect(ended.asked[0]).toMatchObject({ status: 'ended', peer: { id: fleur, email: null } });
    const fleurs = await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'));
    expect(fleurs.juniors).toEqual({ count: 0, max: 1 });
    expect(fleurs.incoming[0]).toMatchObject({ status: 'ended', junior: { id: daan, email: null } });
    expect((await c.ok<{ pairs: unknown[] }>(await g.api(coach, '/api/peers/pairs'))).pairs).toEqual([]);

    // Fleur has room again: Oliver is proposed her and she takes him on within N.
    expect(await proposedTo(as(oliver))).toEqual([fleur]);
    await c.ok(await c.send(as(oliver), 'POST', '/api/peers/requests', { ...PLAN, peerId: fleur }), 201);
    const olivers = (await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'))).incoming.find((r) => r.junior.id === oliver);
    expect((await c.ok<PeersAnswer>(await c.send(as(fleur), 'POST', `/api/peers/requests/${olivers?.id}/accept`))).juniors).toEqual({ count: 1, max: 1 });
    // The ended pair does not block Daan from asking on the plan again.
    await c.ok(await c.send(as(priya), 'PUT', '/api/peers/offer', { points: [PLAN] }));
    await c.ok(await c.send(as(daan), 'POST', '/api/peers/requests', { ...PLAN, peerId: priya }), 201);
    expect((await c.refusal(await c.send(as(daan), 'POST', `/api/peers/requests/${requestId}/end`), 409)).code).toBe('invalid_transition');
  });

  it('the peer ends it, and the load is given back', async () => {
    const { as, requestId } = await pairedClass();
    const ended = await c.ok<PeersAnswer>(await c.send(as(fleur), 'POST', `/api/peers/requests/${requestId}/end`));
    expect(ended.juniors).toEqual({ count: 0, max: 1 });
    expect(ended.incoming[0]).toMatchObject({ status: 'ended', junior: { email: null } });
    expect((await c.ok<PeersAnswer>(await g.api(as(daan), '/api/peers/me'))).asked[0]).toMatchObject({ status: 'ended', peer: { email: null } });
  });

  it('junior and peer end it at the same moment: one of them does, and the place is given back once', async () => {
    const { as, requestId } = await pairedClass();
    const answers = await Promise.all([daan, fleur].map((who) => c.send(as(who), 'POST', `/api/peers/requests/${requestId}/end`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'))).juniors).toEqual({ count: 0, max: 1 });
  });

  it('the teacher ends it from the pairs list; a third student, a coach and a teacher of another course cannot', async () => {
    const { placed, teacher, as, requestId } = await pairedClass();
    expect((await c.refusal(await c.send(as(oliver), 'POST', `/api/peers/requests/${requestId}/end`), 404)).code).toBe('peer_request_not_found');
    const coach = await placed.launch(coachId);
    expect((await c.refusal(await c.send(coach, 'POST', `/api/peers/pairs/${requestId}/end`), 403)).code).toBe('not_authorised');
    expect((await c.refusal(await c.send(as(daan), 'POST', `/api/peers/pairs/${requestId}/end`), 403)).code).toBe('not_authorised');
    const stranger = await launchInOtherCourse(g.h, 'course-elsewhere', [Role.instructor], 'teacher-elsewhere');
    expect((await c.refusal(await c.send(stranger, 'POST', `/api/peers/pairs/${requestId}/end`), 404)).code).toBe('no_playbook');
    expect((await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'))).juniors.count).toBe(1);

    const pairs = await c.ok<{ pairs: { id: string }[] }>(await c.send(teacher, 'POST', `/api/peers/pairs/${requestId}/end`));
    expect(pairs.pairs).toEqual([]);
    expect((await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'))).juniors.count).toBe(0);
    expect((await c.refusal(await c.send(teacher, 'POST', `/api/peers/pairs/${requestId}/end`), 409)).code).toBe('invalid_transition');
    expect((await c.refusal(await c.send(teacher, 'POST', '/api/peers/pairs/nothing-here/end'), 404)).code).toBe('peer_request_not_found');
  });
});

describe('who may be a peer', () => {
  it("only where the student's level reaches the target and the teacher's minimum; a student on target is no junior", async () => {
    const { as, teacher } = await classWithPeers({ minimumPeerRank: 3 });
    expect((await c.refusal(await offer(as(priya)), 422)).details?.points).toEqual(['lo-plan']);
    await c.ok(await offer(as(fleur)));
    expect((await c.refusal(await g.api(as(priya), '/api/peers/proposals?outcomeId=lo-plan'), 409)).code).toBe('not_junior_on_point');
    expect((await c.refusal(await g.api(as(daan), '/api/peers/proposals?outcomeId=lo-nothing'), 422)).code).toBe('unknown_point');

    const settings = await c.ok<{ version: number; maxJuniorsPerPeer: number; minimumPeerRank: number | null }>(await g.api(teacher, '/api/peers/settings'));
    expect(settings).toEqual({ version: 1, maxJuniorsPerPeer: 3, minimumPeerRank: 3 });
    expect((await c.refusal(await c.send(teacher, 'PUT', '/api/peers/settings', { version: 0, maxJuniorsPerPeer: 2 }), 409)).code).toBe('version_conflict');
    expect((await c.refusal(await c.send(teacher, 'PUT', '/api/peers/settings', { version: 1, maxJuniorsPerPeer: 0 }), 400)).message).toMatch(/^maxJuniorsPerPeer:/);
    expect((await c.refusal(await c.send(as(fleur), 'PUT', '/api/peers/settings', { version: 1, maxJuniorsPerPeer: 9 }), 403)).code).toBe('not_authorised');
  });

  it('a grade counts over the intake: graded at "good", a former junior may offer help', async () => {
    const { placed, as } = await classWithPeers();
    expect((await c.ok<PeersAnswer>(await g.api(as(oliver), '/api/peers/me'))).junior).toContainEqual(PLAN);
    const attemptId = await handInText(g, as(oliver), 'My project plan for the bakery.');
    const teacher = await placed.launch(teacherId);
    await c.ok(await c.send(teacher, 'POST', `/api/assessment/attempts/${attemptId}/grade`, judgement('good')));
    const after = await c.ok<PeersAnswer>(await g.api(as(oliver), '/api/peers/me'));
    expect(after.junior).not.toContainEqual(PLAN);
    expect(after.canOffer).toContainEqual(PLAN);
    await c.ok(await offer(as(oliver)));
    const forNoor = await c.ok<ProposalsAnswer>(await g.api(as(noor), '/api/peers/proposals?outcomeId=lo-plan'));
    expect(forNoor.peers.map((p) => p.id)).toContain(oliver);
  });
});

describe('privacy', () => {
  /** Every key anywhere in an answer. */
  function keysOf(value: unknown, into = new Set<string>()): Set<string> {
    if (Array.isArray(value)) for (const v of value) keysOf(v, into);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) keysOf(v, (into.add(k), into));
    return into;
  }

  it('no answer to a student about peers holds another student\'s level or score, only "peer on X"', async () => {
    const { as } = await classWithPeers();
    await c.ok(await offer(as(fleur), [PLAN, { outcomeId: 'lo-pitch' }]));
    const proposals = await c.ok<ProposalsAnswer>(await g.api(as(daan), '/api/peers/proposals?outcomeId=lo-plan'));
    await c.ok(await c.send(as(daan), 'POST', '/api/peers/requests', { ...PLAN, peerId: fleur }), 201);
    const requestId = (await c.ok<PeersAnswer>(await g.api(as(fleur), '/api/peers/me'))).incoming[0]?.id;
    const answers: unknown[] = [
      proposals,
      await c.ok(await c.send(as(fleur), 'POST', `/api/peers/requests/${requestId}/accept`)),
      await c.ok(await g.api(as(daan), '/api/peers/me')),
      await c.ok(await g.api(as(fleur), '/api/peers/me')),
    ];
    const keys = keysOf(answers);
    for (const forbidden of ['rank', 'score', 'targetRank', 'position', 'fromRank', 'toRank', 'counts', 'load', 'points', 'source']) expect(keys).not.toContain(forbidden);
    expect(proposals.peers.find((p) => p.id === fleur)?.peerOn).toEqual([PLAN, { outcomeId: 'lo-pitch' }]);
    // A student's own intake answer is about them alone.
    const own = JSON.stringify(await c.ok(await g.api(as(daan), '/api/intake')));
    for (const other of [fleur, priya, oliver, noor]) expect(own).not.toContain(other);
  });
});
