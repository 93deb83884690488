// What Playroute makes of each demo course member per LMS, as the LMS really sends their roles (see server/demo-lms/quirks.ts).
import type { CourseRole, LmsQuirks } from '../../server/demo-lms/index';

const AS_SENT: Record<LmsQuirks, Record<CourseRole, string[]>> = {
  // The spec's vocabulary: a TA is the Instructor sub-role, a coach a Mentor.
  standard: { teacher: ['teacher'], assistant: ['assistant'], coach: ['coach'], student: ['student'] },
  // Canvas: a TA (TA sub-role plus Instructor) is an assistant; the coach is an observer, sent as Mentor.
  canvas: { teacher: ['teacher'], assistant: ['assistant'], coach: ['coach'], student: ['student'] },
  // Moodle: Instructor or Learner only; a non-editing teacher or a coach is an Instructor.
  moodle: { teacher: ['teacher'], assistant: ['teacher'], coach: ['teacher'], student: ['student'] },
  // Brightspace's default role mapping has no coach role: a coach is enrolled as Teaching Assistant.
  brightspace: { teacher: ['teacher'], assistant: ['assistant'], coach: ['assistant'], student: ['student'] },
};

export function playrouteRolesIn(quirks: LmsQuirks, role: CourseRole): string[] {
  return AS_SENT[quirks][role];
}
