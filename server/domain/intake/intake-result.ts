// What the intake gives back to the student: the picture per point, proposed goals (self-direction level 3+) and activities.

import type { Activity } from '../activity';
import type { ActivityType } from '../activity-grid';
import type { Playbook } from '../playbook';
import { canSetLearningGoals, type SelfDirectionLevel } from '../self-direction';
import type { PointStanding } from './standing';
import type { PointRef } from './points';

export interface ProposedGoal extends PointRef {
  fromRank: number;
  toRank: number;
}

export interface ProposedActivity {
  activityId: string;
  type: ActivityType;
  /** The points whose gap this activity type serves. */
  forPoints: PointRef[];
}

export interface IntakeResult {
  points: PointStanding[];
  /**
   * Personal learning goals are the student's own from self-direction level 3 (self-responsible learning); below
   * that the outcome is the goal, so nothing is proposed and `open` says why.
   */
  goals: { open: boolean; proposed: ProposedGoal[] };
  /** A proposal only: the route is the student's to compose, nothing here changes it. */
  activities: ProposedActivity[];
}

/** A gap of two levels or more starts at the beginning (activation, instruction); one level closes by practice and feedback. */
const TYPES_FOR_LARGE_GAP: ActivityType[] = ['activation', 'instruction', 'application'];
const TYPES_FOR_SMALL_GAP: ActivityType[] = ['application', 'feedback'];
const PER_TYPE = 2;

export interface IntakeResultProps {
  points: PointStanding[];
  level: SelfDirectionLevel;
  playbook: Pick<Playbook, 'activities' | 'recommendedRoute'>;
  /** Activities already in the student's route are not proposed again. */
  routeActivityIds?: readonly string[];
}

export function intakeResult({ points, level, playbook, routeActivityIds = [] }: IntakeResultProps): IntakeResult {
  const gaps = points.filter((p) => p.position === 'below' && p.rank !== null);
  const open = canSetLearningGoals(level);
  const proposed = open ? gaps.map((p) => ({ ...refOf(p), fromRank: p.rank ?? 0, toRank: p.targetRank })) : [];
  return { points, goals: { open, proposed }, activities: proposeActivities(gaps, playbook, routeActivityIds) };
}

function proposeActivities(gaps: PointStanding[], playbook: IntakeResultProps['playbook'], inRoute: readonly string[]): ProposedActivity[] {
  const pointsPerType = new Map<ActivityType, PointRef[]>();
  for (const gap of gaps) {
    const types = gap.targetRank - (gap.rank ?? 0) >= 2 ? TYPES_FOR_LARGE_GAP : TYPES_FOR_SMALL_GAP;
    for (const type of types) pointsPerType.set(type, [...(pointsPerType.get(type) ?? []), refOf(gap)]);
  }
  const taken = new Set(inRoute);
  const proposals: ProposedActivity[] = [];
  for (const [type, forPoints] of pointsPerType) {
    for (const activity of candidates(playbook, type, taken).slice(0, PER_TYPE)) proposals.push({ activityId: activity.id, type, forPoints });
  }
  return proposals;
}

/** The teacher's recommended route first (it is made for the average student), then the lighter activities. */
function candidates(playbook: IntakeResultProps['playbook'], type: ActivityType, taken: ReadonlySet<string>): Activity[] {
  const recommended = (a: Activity) => (playbook.recommendedRoute.includes(a.id) ? 0 : 1);
  return playbook.activities
    .filter((a) => a.type === type && !taken.has(a.id))
    .sort((a, b) => recommended(a) - recommended(b) || a.studyLoadHours - b.studyLoadHours || a.id.localeCompare(b.id));
}

function refOf(p: PointRef): PointRef {
  return p.indicatorId === undefined ? { outcomeId: p.outcomeId } : { outcomeId: p.outcomeId, indicatorId: p.indicatorId };
}
