// GET /api/grades/gradebook: per student, the grade Playroute believes the LMS gradebook holds, and whether the LMS agrees.
import { apiFetch } from '../../../lib/api-client';

export type GradebookCheck = 'agrees' | 'differs' | 'unchecked';

export interface GradebookRow {
  /** The grade's delivery: what a resend names. */
  id: string;
  userId: string;
  lineItem: { label?: string; resourceId?: string; tag?: string; url?: string };
  believed?: { scoreGiven: number; scoreMaximum: number; sentAt?: string };
  pending?: { scoreGiven: number; scoreMaximum: number; state: string; reason?: string };
  lms?: { resultScore?: number; resultMaximum?: number };
  check: GradebookCheck;
  reason?: string;
}

export const getGradebook = () => apiFetch<{ rows: GradebookRow[] }>('/api/grades/gradebook');
