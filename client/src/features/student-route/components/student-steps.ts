// The student's page in four steps, and which one to open: where the student's state puts them, unless they were
// elsewhere in this tab since that state last changed (then they come back to where they left off).
import type { RouteStatus } from '../api/types';

export const STUDENT_STEPS = ['outcome', 'route', 'work', 'feedback'] as const;
export type StudentStep = (typeof STUDENT_STEPS)[number];

export const isStudentStep = (value: unknown): value is StudentStep => typeof value === 'string' && (STUDENT_STEPS as readonly string[]).includes(value);

/** Graded → read the feedback; an approved route → work and hand in; anything before approval → choose the route. */
export function stepForState(state: { routeStatus: RouteStatus; graded: boolean }): StudentStep {
  if (state.graded) return 'feedback';
  if (state.routeStatus === 'approved') return 'work';
  return 'route';
}

/** What the tab remembers: the step the student is on, and the step their state pointed to at the time. */
export interface RememberedStep {
  step: StudentStep;
  basis: StudentStep;
}

export function openingStep(remembered: RememberedStep | null, fromState: StudentStep): StudentStep {
  // A state that moved on (the coach approved, the teacher graded) wins over an old place on the page.
  return remembered && remembered.basis === fromState ? remembered.step : fromState;
}

export function parseRemembered(text: string | null): RememberedStep | null {
  const [step, basis] = (text ?? '').split('|');
  return isStudentStep(step) && isStudentStep(basis) ? { step, basis } : null;
}

export const formatRemembered = (r: RememberedStep): string => `${r.step}|${r.basis}`;
