// How each simulated LMS departs from the plain spec, as data the endpoints consult.
import { Role } from '../lti/claims';

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
   * (Moodle, Canvas and the spec alike: see server/grades/SCORE-RULE.md).
   */
  scoreKeptFor: readonly ScoreGradingProgress[];
  /** Brightspace: 404 for unknown users, 403 for users who are known but not enrolled. */
  enrolmentErrors: boolean;
  /** The `aud` a client assertion must carry; undefined means the token endpoint URL. */
  tokenAudience: string | undefined;
  /** The roles a study coach carries in launches and rosters. */
  coachRoles: string[];
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
    coachRoles: [Role.mentor],
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
        coachRoles: [Role.instructor, Role.teachingAssistant],
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
        coachRoles: [Role.mentor],
      };
  }
}
