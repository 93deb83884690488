// Maps the LTI roles of a launch (full URIs, or the deprecated short names) onto what Playroute lets a person do.

/**
 * teacher: designs, grades, coaches, sees the whole class. assistant: grades and coaches, never designs.
 * coach: an LMS mentor (observer). student: follows a route. Coaching itself is Playroute's own relation
 * (a teacher assigns coaches), so a role here says what a person may do, not whose coach they are.
 */
export type PlayrouteRole = 'teacher' | 'assistant' | 'coach' | 'student';
export const PLAYROUTE_ROLES = ['teacher', 'assistant', 'coach', 'student'] as const satisfies readonly PlayrouteRole[];

const CONTEXT_ROLE = /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership#(\w+)$/;
// Canvas's older LIS v2 map spells the principal role in lower case ("membership/instructor#TeachingAssistant").
const CONTEXT_SUB_ROLE = /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership\/(\w+)#(\w+)$/i;
const SHORT_NAME = /^\w+$/;

const BY_ROLE_NAME: Record<string, PlayrouteRole> = {
  // Moodle sends Instructor to everyone holding mod/lti:manage, which by default includes non-editing
  // teachers (mod/lti/locallib.php, lti_get_ims_role()): Moodle cannot tell them apart, so neither can we.
  Instructor: 'teacher',
  Administrator: 'teacher',
  ContentDeveloper: 'teacher',
  Mentor: 'coach',
  // Canvas sends TaEnrollment as [membership/Instructor#TeachingAssistant, membership#Instructor]
  // (instructure/canvas-lms lib/lti/substitutions_helper.rb, LIS_V2_LTI_ADVANTAGE_ROLE_MAP); Brightspace
  // sends whatever LTI role its administrator mapped the Teaching Assistant role to (D2L "Org units and role mapping").
  TeachingAssistant: 'assistant',
  Learner: 'student',
};

/**
 * Only context (course) roles count: an institution or system role says nothing about this course.
 * A sub-role counts as its parent role, except a teaching assistant, who is an assistant even though
 * Canvas also sends the Instructor role it is a sub-role of. Unknown roles are ignored; a launch
 * with none of ours gets no role and sees only what a guest may.
 */
export function playrouteRolesOf(ltiRoles: readonly string[]): PlayrouteRole[] {
  const roles = new Set<PlayrouteRole>();
  for (const raw of ltiRoles) {
    const mapped = BY_ROLE_NAME[roleNameOf(raw.trim()) ?? ''];
    if (mapped) roles.add(mapped);
  }
  if (roles.has('assistant') && !hasTeacherRoleOtherThanInstructor(ltiRoles)) roles.delete('teacher');
  return PLAYROUTE_ROLES.filter((role) => roles.has(role));
}

function roleNameOf(role: string): string | undefined {
  const sub = CONTEXT_SUB_ROLE.exec(role);
  if (sub) return sub[2] === 'TeachingAssistant' ? 'TeachingAssistant' : capitalised(sub[1] ?? '');
  return CONTEXT_ROLE.exec(role)?.[1] ?? (SHORT_NAME.test(role) ? role : undefined);
}

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

// An assistant who is also Administrator or ContentDeveloper of the course still designs it.
function hasTeacherRoleOtherThanInstructor(ltiRoles: readonly string[]): boolean {
  return ltiRoles.some((role) => /(?:^|#)(Administrator|ContentDeveloper)$/.test(role.trim()));
}

/** Grading and coaching are open to teachers and assistants; designing stays with teachers. */
export const GRADERS = ['teacher', 'assistant'] as const satisfies readonly PlayrouteRole[];
export const STAFF = ['teacher', 'assistant', 'coach'] as const satisfies readonly PlayrouteRole[];
