// Junior and peer (CasusEigenBedrijf): below the outcome's level a student is a junior on a point; at or above it they may offer to be a peer.

import type { PointStanding } from '../intake/index';
import { pointKey, type PointRef } from '../intake/index';

export interface PeerSettings {
  /** N: no peer ever has more juniors than this (accepted pairs count). */
  maxJuniorsPerPeer: number;
  /** The teacher's minimum rank to be a peer; null means the outcome's own target rank is enough. */
  minimumPeerRank: number | null;
}

export const DEFAULT_PEER_SETTINGS: PeerSettings = { maxJuniorsPerPeer: 3, minimumPeerRank: null };

/** The development points of the student's plan: every point where they stand below the target. */
export function juniorPoints(standings: readonly PointStanding[]): PointRef[] {
  return standings.filter((s) => s.position === 'below').map(refOf);
}

/** Where the student's level is high enough to help: at or above the target and the teacher's minimum. */
export function peerEligiblePoints(standings: readonly PointStanding[], settings: Pick<PeerSettings, 'minimumPeerRank'>): PointRef[] {
  return standings.filter((s) => s.rank !== null && s.rank >= Math.max(s.targetRank, settings.minimumPeerRank ?? 0)).map(refOf);
}

/** A peer chooses to be one: only the offered points that are (still) eligible make them a peer. */
export function activePeerPoints(offered: readonly string[], standings: readonly PointStanding[], settings: Pick<PeerSettings, 'minimumPeerRank'>): PointRef[] {
  const eligible = new Set(peerEligiblePoints(standings, settings).map(pointKey));
  return offered.filter((key) => eligible.has(key)).map((key) => standings.find((s) => pointKey(s) === key)).flatMap((s) => (s ? [refOf(s)] : []));
}

function refOf(p: PointRef): PointRef {
  return p.indicatorId === undefined ? { outcomeId: p.outcomeId } : { outcomeId: p.outcomeId, indicatorId: p.indicatorId };
}
