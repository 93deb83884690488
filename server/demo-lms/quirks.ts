// How each simulated LMS departs from the plain spec, as data the endpoints consult.
import { Role } from '../lti/claims';
import type { CourseRole } from './course';

export type LmsQuirks = 'standard' | 'canvas' | 'moodle' | 'brightspace';
export const LMS_QUIRKS: readonly LmsQuirks[] = ['standard', 'canvas', 'moodle', 'brightspace'];

export type ScoreGradingProgress = 'FullyGraded' | 'Pending' | 'PendingManual' | 'Failed' | 'NotReady';

/** How a score that arrives no later than the previous one for the same user and line item is refused. */
export type StaleScoreRule =
  /** Spec: a timestamp not after the last one is a conflict (409). */
  | 'spec-409'
  /** Canvas: an earlier timestamp is a bad request (400). */
  | 'earlier-400'
  /** Moodle: timestamps compare by whole seconds; same or earlier second is 409. */
  | 'same-second-409';

export interface QuirkProfile {
  quirks: LmsQuirks;
  productFamilyCode: string;
  platformName: string;
  /** Frame the tool should talk Platform Storage to (the login's lti_storage_target), if offered. */
  storageTarget: string | undefined;
  /** Query string every line item URL carries (Moodle's `?type_id=`). */
  lineItemQuery: Record<string, string>;
  staleScore: StaleScoreRule;
  /** Canvas answers 422 for a score with scoreGiven but no scoreMaximum, or for a non-student. */
  strictScoreTarget: boolean;
  /**
   * The gradingProgress values for which the gradebook keeps scoreGiven; for any other the stored grade
   * becomes empty. In every mode a score without scoreGiven also replaces the grade with an empty one
   * (Moodle, Canvas and the spec alike: see server/features/grades/SCORE-RULE.md).
   */
  scoreKeptFor: readonly ScoreGradingProgress[];
  /** Brightspace: 404 for unknown users, 403 for users who are known but not enrolled. */
  enrolmentErrors: boolean;
  /** The `aud` a client assertion must carry; undefined means the token endpoint URL. */
  tokenAudience: string | undefined;
  /**
   * The LTI roles each kind of course member carries in launches and in the class list, as the LMS really
   * sends them. A member with Mentor also gets role_scope_mentor (their mentees) where the LMS sends it.
   */
  courseRoles: Record<CourseRole, readonly string[]>;
  /** HTTP status of an accepted score. */
  scoreAcceptedStatus: 200 | 204;
}

export const BRIGHTSPACE_TOKEN_AUDIENCE = 'https://api.brightspace.com/auth/token';

export function quirkProfile(quirks: LmsQuirks): QuirkProfile {
  const base: QuirkProfile = {
    quirks,
    productFamilyCode: 'playroute-demo-lms',
    platformName: 'Playroute demo LMS',
    storageTarget: undefined,
    lineItemQuery: {},
    staleScore: 'spec-409',
    strictScoreTarget: false,
    // The spec does not say a platform drops scoreGiven for a progress other than FullyGraded.
    scoreKeptFor: ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'],
    enrolmentErrors: false,
    tokenAudience: undefined,
    // The spec's own vocabulary: a TA is the Instructor sub-role (sent with its principal role), a coach a Mentor.
    courseRoles: {
      teacher: [Role.instructor, Role.institutionFaculty],
      assistant: [Role.teachingAssistant, Role.instructor],
      coach: [Role.mentor],
      student: [Role.learner, Role.institutionStudent],
    },
    scoreAcceptedStatus: 204,
  };
  switch (quirks) {
    case 'standard':
      return base;
    case 'canvas':
      return {
        ...base,
        productFamilyCode: 'canvas',
        platformName: 'Canvas LMS (simulated)',
        // Canvas names a hidden sibling frame that forwards storage messages.
        storageTarget: 'post_message_forwarding',
        staleScore: 'earlier-400',
        strictScoreTarget: true,
        // scores_controller.rb: ACCEPT_GIVEN_SCORE_TYPES; "NotReady, Failed, and Pending cause the scoreGiven to be ignored".
        scoreKeptFor: ['FullyGraded', 'PendingManual'],
        // instructure/canvas-lms lib/lti/substitutions_helper.rb, LIS_V2_LTI_ADVANTAGE_ROLE_MAP: TaEnrollment is
        // [membership/Instructor#TeachingAssistant, membership#Instructor]; an ObserverEnrollment is Mentor, and
        // Canvas names the observed students in role_scope_mentor. No "study coach" role exists.
        courseRoles: {
          teacher: [Role.instructor, Role.institutionFaculty],
          assistant: [Role.teachingAssistant, Role.instructor],
          coach: [Role.mentor],
          student: [Role.learner, Role.institutionStudent],
        },
        scoreAcceptedStatus: 200,
      };
    case 'moodle':
      return {
        ...base,
        productFamilyCode: 'moodle',
        platformName: 'Moodle (simulated)',
        lineItemQuery: { type_id: '1' },
        staleScore: 'same-second-409',
        // scores.php: scoreGiven is set to null unless gradingProgress is FullyGraded, and the empty grade is saved.
        scoreKeptFor: ['FullyGraded'],
        // mod/lti/locallib.php, lti_get_ims_role(): Instructor for whoever holds mod/lti:manage (editing and, by
        // default, non-editing teachers), otherwise Learner. No Mentor, no TA, no role_scope_mentor, no institution
        // role (only site admins get the Administrator ones). A course's coach is a (non-editing) teacher there.
        courseRoles: { teacher: [Role.instructor], assistant: [Role.instructor], coach: [Role.instructor], student: [Role.learner] },
        scoreAcceptedStatus: 200,
      };
    case 'brightspace':
      return {
        ...base,
        productFamilyCode: 'desire2learn',
        platformName: 'Brightspace (simulated)',
        storageTarget: '_parent',
        enrolmentErrors: true,
        tokenAudience: BRIGHTSPACE_TOKEN_AUDIENCE,
        // The administrator maps each Brightspace role to LTI roles (D2L "Org units and role mapping", IMS Configuration >
        // Roles). The default roles are Instructor, Teaching Assistant and Student (Learner); there is no coach role,
        // so a school's coach is enrolled as a Teaching Assistant. Not verified: the exact TA URI of a default mapping.
        courseRoles: {
          teacher: [Role.instructor],
          assistant: [Role.teachingAssistant],
          coach: [Role.teachingAssistant],
          student: [Role.learner],
        },
      };
  }
}
