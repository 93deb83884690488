// GET /api/coach/students: the coach's students, each with their route's status, progress and level when they have one.
import { apiFetch } from '../../../lib/api-client';

export type RouteStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type Level = 1 | 2 | 3 | 4;

export interface RouteProgress {
  done: number;
  total: number;
  inProgress: number;
  skipped: number;
  fraction: number;
}

export interface LevelView {
  effective: Level;
  playbook: Level;
  override: Level | null;
}

export interface CoachStudent {
  id: string;
  name: string | null;
  email: string | null;
  hasLaunched: boolean;
  lastLaunchAt: string | null;
  route: { status: RouteStatus; version: number; progress: RouteProgress; level: LevelView } | null;
}

export interface CoachStudents {
  playbook: { id: string; title: string; status: string };
  scope: 'mentees' | 'course';
  students: CoachStudent[];
}

export const getCoachStudents = () => apiFetch<CoachStudents>('/api/coach/students');
