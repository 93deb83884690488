// A class for the intake, peer and project-group stories: the grading harness (so grades can be given for real), a
// placement with two outcomes, and the calls a student or teacher makes, each through a real launch.
import { expect } from 'vitest';
import type { Rubric } from '../../server/domain/rubric';
import type { SelfDirectionLevel } from '../../server/domain/self-direction';
import { buildOutcome, seedPlacement, type GradingHarness, type SeededPlacement } from './grading-seed';

export const daan = 'u-student-daan';
export const fleur = 'u-student-fleur';
export const priya = 'u-student-priya';
export const oliver = 'u-student-oliver';
export const noor = 'u-student-noor';
export const teacherId = 'u-teacher-marieke';
/** The demo LMS's mentor: it names Daan and Priya as mentees (role_scope_mentor). */
export const coachId = 'u-coach-samir';

/** Four levels, pass at "good" (rank 3): the pitch asks more than the plan. */
function pitchRubric(): Rubric {
  const levels = [
    { id: 'weak', label: 'Weak', description: '', points: 0 },
    { id: 'fair', label: 'Fair', description: '', points: 1 },
    { id: 'good', label: 'Good', description: '', points: 2 },
    { id: 'strong', label: 'Strong', description: '', points: 3 },
  ];
  return { criteria: [{ id: 'pitch', title: 'Pitches', weight: 1, levels, passLevelId: 'good' }] };
}

/**
 * lo-plan: three levels (insufficient, sufficient, good), target 2 (sufficient), with one indicator;
 * lo-pitch: four levels, target 3 (good).
 */
export function seedIntakePlacement(g: GradingHarness, level: SelfDirectionLevel = 2): Promise<SeededPlacement> {
  return seedPlacement(g, {
    level,
    outcomes: [
      buildOutcome({ indicators: [{ id: 'i-milestones', text: 'The plan has milestones' }] }),
      buildOutcome({ id: 'lo-pitch', title: 'Pitches an idea', rubric: pitchRubric() }),
    ],
  });
}

export const INTAKE_DESIGN = {
  outcomes: [
    { outcomeId: 'lo-plan', indicatorIds: ['i-milestones'], diagnosticTask: { prompt: 'Plan a small event in five steps.' } },
    { outcomeId: 'lo-pitch', indicatorIds: [] },
  ],
};

export function calls(g: GradingHarness) {
  const send = (token: string, method: string, path: string, body?: unknown) => g.api(token, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const ok = async <T>(res: Response, status = 200): Promise<T> => {
    expect(res.status, await res.clone().text()).toBe(status);
    return (await res.json()) as T;
  };
  const refusal = async (res: Response, status: number): Promise<{ code: string; message: string; details?: Record<string, unknown> }> => {
    expect(res.status, await res.clone().text()).toBe(status);
    return ((await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;
  };
  /** The teacher adds the standard intake to the placement. */
  const addIntake = async (teacher: string) => ok<{ version: number }>(await send(teacher, 'PUT', '/api/intake/design', { version: 0, ...INTAKE_DESIGN }));
  /** The student places themselves (plan, its indicator, pitch), answers the task and submits. */
  const submitIntake = async (token: string, ranks: { plan: number; milestones?: number; pitch: number }, answer = 'Book a room, invite, …') => {
    const body = {
      version: 0,
      placements: [
        { outcomeId: 'lo-plan', rank: ranks.plan },
        { outcomeId: 'lo-plan', indicatorId: 'i-milestones', rank: ranks.milestones ?? ranks.plan },
        { outcomeId: 'lo-pitch', rank: ranks.pitch },
      ],
      diagnostics: [{ outcomeId: 'lo-plan', answer }],
      profile: { hoursPerWeek: 6, when: 'evenings', priorEducation: 'MBO 4', expectations: 'Start my own shop', why: 'I want to' },
    };
    const draft = await ok<{ response: { version: number } }>(await send(token, 'PUT', '/api/intake', body));
    return ok<IntakeAnswer>(await send(token, 'POST', '/api/intake/submit', { version: draft.response.version }));
  };
  return { send, ok, refusal, addIntake, submitIntake };
}

export interface PointAnswer {
  outcomeId: string;
  indicatorId?: string;
  rank: number | null;
  targetRank: number;
  source: string | null;
  position: string;
}

export interface IntakeAnswer {
  design: { version: number; outcomes: { outcomeId: string; levels: { rank: number; label: string }[]; targetRank: number }[] };
  response: { status: string; version: number; diagnostics: { outcomeId: string; review: { comment: string; rank: number | null } | null }[] } | null;
  result: { points: PointAnswer[]; goals: { open: boolean; proposed: { outcomeId: string; fromRank: number; toRank: number }[] }; activities: unknown[] } | null;
}
