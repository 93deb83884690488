// Maps the LTI roles of a launch (full URIs, or the deprecated short names) onto what Playroute lets a person do.

export type PlayrouteRole = 'teacher' | 'coach' | 'student';

const CONTEXT_ROLE = /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership#(\w+)$/;
const CONTEXT_SUB_ROLE = /^http:\/\/purl\.imsglobal\.org\/vocab\/lis\/v2\/membership\/(\w+)#(\w+)$/;
const SHORT_NAME = /^\w+$/;

const BY_ROLE_NAME: Record<string, PlayrouteRole> = {
  Instructor: 'teacher',
  Administrator: 'teacher',
  ContentDeveloper: 'teacher',
  Mentor: 'coach',
  TeachingAssistant: 'coach',
  Learner: 'student',
};

/**
 * Only context (course) roles count: an institution or system role says nothing about this course.
 * A sub-role counts as its parent role, except a teaching assistant, who is a coach even though
 * Canvas also sends the Instructor role it is a sub-role of. Unknown roles are ignored; a launch
 * with none of ours gets no role and sees only what a guest may.
 */
export function playrouteRolesOf(ltiRoles: readonly string[]): PlayrouteRole[] {
  const roles = new Set<PlayrouteRole>();
  let assistant = false;
  for (const raw of ltiRoles) {
    const role = raw.trim();
    const sub = CONTEXT_SUB_ROLE.exec(role);
    const name = sub ? (sub[2] === 'TeachingAssistant' ? 'TeachingAssistant' : sub[1]) : (CONTEXT_ROLE.exec(role)?.[1] ?? (SHORT_NAME.test(role) ? role : undefined));
    if (name === 'TeachingAssistant') assistant = true;
    const mapped = name ? BY_ROLE_NAME[name] : undefined;
    if (mapped) roles.add(mapped);
  }
  if (assistant && !hasTeacherRoleOtherThanInstructor(ltiRoles)) roles.delete('teacher');
  return (['teacher', 'coach', 'student'] as const).filter((role) => roles.has(role));
}

// An assistant who is also Administrator or ContentDeveloper of the course still designs it.
function hasTeacherRoleOtherThanInstructor(ltiRoles: readonly string[]): boolean {
  return ltiRoles.some((role) => /(?:^|#)(Administrator|ContentDeveloper)$/.test(role.trim()));
}
