// The demo course and its roster: who is enrolled, in which role, and who has left.
import type { QuirkProfile } from './quirks';

/** assistant: a TA or non-editing teacher; coach: a mentor (observer) where the LMS has one. */
export type CourseRole = 'teacher' | 'assistant' | 'coach' | 'student';
export type Locale = 'nl-NL' | 'en-GB';

export interface Member {
  userId: string;
  givenName: string;
  familyName: string;
  email: string;
  locale: Locale;
  role: CourseRole;
  /** For a coach: the students they coach (sent as role_scope_mentor). */
  mentees?: string[];
}

export interface Course {
  id: string;
  label: string;
  title: string;
}

export const DEMO_COURSE: Course = {
  id: 'course-pmw-2026',
  label: 'PMW-2',
  title: 'Projectmatig werken 2026-2027',
};

const student = (userId: string, givenName: string, familyName: string, locale: Locale): Member => ({
  userId,
  givenName,
  familyName,
  email: `${userId}@student.example.edu`,
  locale,
  role: 'student',
});

export function demoMembers(): Member[] {
  return [
    { userId: 'u-teacher-marieke', givenName: 'Marieke', familyName: 'de Vries', email: 'm.devries@example.edu', locale: 'nl-NL', role: 'teacher' },
    {
      userId: 'u-coach-samir',
      givenName: 'Samir',
      familyName: 'El Idrissi',
      email: 's.elidrissi@example.edu',
      locale: 'nl-NL',
      role: 'coach',
      mentees: ['u-student-daan', 'u-student-priya'],
    },
    { userId: 'u-assistant-joris', givenName: 'Joris', familyName: 'Smit', email: 'j.smit@example.edu', locale: 'nl-NL', role: 'assistant' },
    student('u-student-daan', 'Daan', 'Jansen', 'nl-NL'),
    student('u-student-fleur', 'Fleur', 'van den Berg', 'nl-NL'),
    student('u-student-priya', 'Priya', 'Sharma', 'en-GB'),
    student('u-student-oliver', 'Oliver', 'Hughes', 'en-GB'),
    student('u-student-noor', 'Noor', 'Bakker', 'nl-NL'),
  ];
}

export function fullName(member: Member): string {
  return `${member.givenName} ${member.familyName}`;
}

/** The LTI role URIs a member carries on this platform (they differ per LMS, see quirks.ts). */
export function rolesOf(member: Member, profile: QuirkProfile): string[] {
  return [...profile.courseRoles[member.role]];
}

export class Roster {
  private readonly members = new Map<string, Member>();
  /** Users who were enrolled once; Brightspace tells them apart from strangers. */
  private readonly former = new Map<string, Member>();

  constructor(initial: Member[]) {
    for (const member of initial) this.members.set(member.userId, member);
  }

  list(): Member[] {
    return [...this.members.values()];
  }

  find(userId: string): Member | undefined {
    return this.members.get(userId);
  }

  wasEnrolled(userId: string): boolean {
    return this.former.has(userId);
  }

  add(member: Member): void {
    this.former.delete(member.userId);
    this.members.set(member.userId, member);
  }

  remove(userId: string): void {
    const member = this.members.get(userId);
    if (!member) return;
    this.members.delete(userId);
    this.former.set(userId, member);
  }
}
