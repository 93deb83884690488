// A student's display name, or a neutral label when the LMS sent none.
import type { StudentOverview } from '../api/get-overview';

export function studentName(student: Pick<StudentOverview, 'id' | 'name'>, unnamed: (id: string) => string): string {
  return student.name ?? unnamed(student.id);
}

export function percent(fraction: number): number {
  return Math.round(fraction * 100);
}
