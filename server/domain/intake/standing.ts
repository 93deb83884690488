// Where a student stands on each point of the intake, next to where the outcome asks them to be.

import type { LearningOutcome } from '../outcome';
import { designPoints, designScales, type IntakeDesign } from './intake-design';
import type { IntakeResponse } from './intake-response';
import { pointKey, type PointRef } from './points';

/** Which evidence the rank comes from; a teacher's judgement counts over the student's own. */
export type StandingSource = 'grade' | 'review' | 'self';

export interface PointStanding extends PointRef {
  /** Null while nothing places the student on this point. */
  rank: number | null;
  targetRank: number;
  maxRank: number;
  source: StandingSource | null;
  position: 'below' | 'at' | 'above' | 'unknown';
}

export interface StandingProps {
  design: IntakeDesign;
  outcomes: readonly LearningOutcome[];
  /** The student's intake; undefined when they have none (yet). */
  response?: Pick<IntakeResponse, 'placements' | 'diagnostics'> | undefined;
  /** The rank the latest graded attempt shows per outcome (level-scale gradedRank); grades come later and weigh most. */
  gradedRanks?: ReadonlyMap<string, number>;
}

/**
 * For the outcome as a whole a grade beats a reviewed diagnostic task, which beats self-placement; an indicator has only
 * the student's own placement (neither grades nor tasks judge indicators separately).
 */
export function pointStandings({ design, outcomes, response, gradedRanks }: StandingProps): PointStanding[] {
  const scales = designScales(design, outcomes);
  const placed = new Map((response?.placements ?? []).map((p) => [pointKey(p), p.rank]));
  return designPoints(design).flatMap((point) => {
    const scale = scales.get(point.outcomeId);
    if (!scale) return [];
    const whole = point.indicatorId === undefined;
    const graded = whole ? gradedRanks?.get(point.outcomeId) : undefined;
    const reviewed = whole ? response?.diagnostics.find((d) => d.outcomeId === point.outcomeId)?.review?.rank : undefined;
    const own = placed.get(pointKey(point));
    const [rank, source]: [number | null, StandingSource | null] =
      graded !== undefined ? [graded, 'grade'] : reviewed !== undefined ? [reviewed, 'review'] : own !== undefined ? [own, 'self'] : [null, null];
    return [{ ...point, rank, source, targetRank: scale.targetRank, maxRank: scale.levels.length, position: positionOf(rank, scale.targetRank) }];
  });
}

function positionOf(rank: number | null, target: number): PointStanding['position'] {
  if (rank === null) return 'unknown';
  return rank < target ? 'below' : rank === target ? 'at' : 'above';
}
