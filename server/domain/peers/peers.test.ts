import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PointStanding } from '../intake/index';
import { activePeerPoints, decideRequest, endPair, juniorPoints, peerEligiblePoints, proposePeers, type PeerCandidate } from './index';

const standing = (outcomeId: string, rank: number | null, targetRank = 2): PointStanding => ({
  outcomeId,
  rank,
  targetRank,
  maxRank: 4,
  source: rank === null ? null : 'self',
  position: rank === null ? 'unknown' : rank < targetRank ? 'below' : rank === targetRank ? 'at' : 'above',
});

describe('junior and peer', () => {
  const standings = [standing('plan', 1), standing('market', 2), standing('finance', 4), standing('pitch', null)];

  it('a student is a junior where they stand below the target, and may offer help where they reach it', () => {
    expect(juniorPoints(standings)).toEqual([{ outcomeId: 'plan' }]);
    expect(peerEligiblePoints(standings, { minimumPeerRank: null })).toEqual([{ outcomeId: 'market' }, { outcomeId: 'finance' }]);
  });

  it("the teacher's minimum level narrows who may be a peer, and only offered points count", () => {
    expect(peerEligiblePoints(standings, { minimumPeerRank: 3 })).toEqual([{ outcomeId: 'finance' }]);
    expect(activePeerPoints(['market', 'plan'], standings, { minimumPeerRank: null })).toEqual([{ outcomeId: 'market' }]);
  });
});

describe('proposing peers', () => {
  const candidateArb = fc.uniqueArray(
    fc.record({ studentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'junior'), peerOn: fc.subarray(['plan', 'market']), load: fc.nat(6) }),
    { selector: (c) => c.studentId, maxLength: 7 },
  );

  it('never proposes the junior, a peer on another point, or a peer who has N juniors; the least loaded come first', () => {
    fc.assert(
      fc.property(candidateArb, fc.integer({ min: 1, max: 5 }), (candidates: PeerCandidate[], max) => {
        const proposed = proposePeers({ juniorId: 'junior', point: 'plan', candidates, maxJuniorsPerPeer: max });
        for (const p of proposed) {
          const c = candidates.find((x) => x.studentId === p.studentId);
          expect(c?.peerOn).toContain('plan');
          expect(p.load).toBeLessThan(max);
          expect(p.studentId).not.toBe('junior');
        }
        expect(proposed.map((p) => p.load)).toEqual([...proposed.map((p) => p.load)].sort((a, b) => a - b));
        const eligible = candidates.filter((c) => c.studentId !== 'junior' && c.peerOn.includes('plan') && c.load < max);
        expect(proposed).toHaveLength(eligible.length);
      }),
    );
  });

  it('does not propose a peer this junior already asked', () => {
    const candidates = [
      { studentId: 'a', peerOn: ['plan'], load: 0 },
      { studentId: 'b', peerOn: ['plan'], load: 1 },
    ];
    expect(proposePeers({ juniorId: 'j', point: 'plan', candidates, maxJuniorsPerPeer: 2, alreadyAsked: ['a'] })).toEqual([{ studentId: 'b', load: 1 }]);
  });
});

describe('a request between junior and peer', () => {
  const request = { id: 'r', juniorId: 'j', peerId: 'p', point: 'plan', status: 'pending' as const };

  it('the peer accepts or declines, the junior withdraws, nobody else moves it', () => {
    expect(decideRequest(request, 'p', 'accept')).toBe('accepted');
    expect(decideRequest(request, 'p', 'decline')).toBe('declined');
    expect(decideRequest(request, 'j', 'withdraw')).toBe('withdrawn');
    expect(() => decideRequest(request, 'j', 'accept')).toThrow(/only the peer/);
    expect(() => decideRequest({ ...request, status: 'declined' }, 'p', 'accept')).toThrow(/declined request/);
  });
});

describe('ending a pair', () => {
  const pair = { id: 'r', juniorId: 'j', peerId: 'p', point: 'plan', status: 'accepted' as const };

  it('the junior, the peer or a teacher ends an accepted pair; another student cannot', () => {
    expect(endPair(pair, { id: 'j', teacher: false })).toBe('ended');
    expect(endPair(pair, { id: 'p', teacher: false })).toBe('ended');
    expect(endPair(pair, { id: 't', teacher: true })).toBe('ended');
    expect(() => endPair(pair, { id: 'x', teacher: false })).toThrow(/only the junior, the peer or a teacher/);
  });

  it('only an accepted pair ends: a pending request is withdrawn or declined, an ended one stays ended', () => {
    expect(() => endPair({ ...pair, status: 'pending' }, { id: 'j', teacher: false })).toThrow(/pending request cannot be ended/);
    expect(() => endPair({ ...pair, status: 'ended' }, { id: 'p', teacher: false })).toThrow(/ended request cannot be ended/);
  });
});
