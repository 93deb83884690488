// Where Playroute keeps a person's data: each feature's collections, declared once. Erasure and the export work from
// this list; the erasure test scans EVERY collection of the database for the person's id afterwards, so a collection
// added without an entry here fails that test instead of silently keeping someone's data.
//
// A person is an LTI subject on one platform (platformId + sub): the same sub on another LMS is someone else.
// Collections keyed by playbook are scoped to the platform through the playbooks placed on it.

/**
 * pull: remove the person from an array (of ids, or of objects whose `id`-like field names them: see `match`);
 * pseudonymise: replace the id by a pseudonym; actor: replace an {id, name?, …} object naming them by {id: pseudonym}
 * (keeping a role, dropping the name).
 */
export type ReferenceAction = 'pull' | 'pseudonymise' | 'actor';

/** How a person is found in one collection. */
export interface PersonalDataEntry {
  collection: string;
  /** What the feature keeps there, for the report and the inventory. */
  what: string;
  /**
   * Documents that are the person's own: removed whole by erasure, exported whole. `scope` is the platform's filter
   * for this collection (by platformId field, or playbooks of the platform).
   */
  owned?: (person: PersonScope) => Record<string, unknown>;
  /**
   * Fields in other people's documents that name the person (an assessor, a coach, a group member): on erasure an
   * array entry is pulled out, a single value replaced by a pseudonym, so the other person's record stays whole.
   */
  references?: { path: string; action: ReferenceAction; within: (person: PersonScope) => Record<string, unknown> }[];
  /** The course's documents in this collection, removed whole by the retention job; absent: not course data. */
  course?: (course: CourseScope) => Record<string, unknown>;
  /**
   * Its documents are saved under optimistic concurrency on a numeric `version` (a save writes only over the version
   * it read, and a process may keep the route it last wrote): a scrub writes only over the version it read and raises
   * it, so no save begun before the erasure can write the person's id back.
   */
  versioned?: true;
}

export interface CourseScope {
  platformId: string;
  deploymentId: string;
  contextId: string;
  /** The playbooks placed in the course. */
  playbookIds: string[];
  /** The routes on those playbooks. */
  routeIds: string[];
}

const inCourse = (c: CourseScope) => ({ platformId: c.platformId, deploymentId: c.deploymentId, contextId: c.contextId });
const inCoursePlaybooks = (c: CourseScope) => ({ playbookId: { $in: c.playbookIds } });

export interface PersonScope {
  platformId: string;
  sub: string;
  /** The ids of every playbook placed on the person's platform. */
  playbookIds: string[];
  /** The ids of the person's own routes on that platform (their history goes with them). */
  routeIds: string[];
}

const onPlatform = (p: PersonScope) => ({ platformId: p.platformId });
const inPlaybooks = (p: PersonScope) => ({ playbookId: { $in: p.playbookIds } });

export const PERSONAL_DATA: PersonalDataEntry[] = [
  {
    collection: 'lti_people',
    what: 'name, e-mail and locale from the launch',
    owned: (p) => ({ ...onPlatform(p), sub: p.sub }),
  },
  {
    collection: 'lti_memberships',
    course: inCourse,
    what: 'course memberships and roles (launch and class list)',
    owned: (p) => ({ ...onPlatform(p), sub: p.sub }),
    references: [{ path: 'mentees', action: 'pull', within: (p) => ({ ...onPlatform(p), mentees: p.sub }) }],
  },
  {
    collection: 'lti_pending_launches',
    what: 'a launch waiting to be confirmed (minutes)',
    owned: (p) => ({ ...onPlatform(p), 'launch.sub': p.sub }),
  },
  {
    collection: 'lti_deep_link_requests',
    what: 'a deep-linking request in progress (minutes)',
    owned: (p) => ({ ...onPlatform(p), 'launch.sub': p.sub }),
  },
  {
    collection: 'routes',
    course: inCoursePlaybooks,
    what: 'learning route: chosen activities, goals, plan, status',
    owned: (p) => ({ ...inPlaybooks(p), studentId: p.sub }),
    references: [
      // The coach the student named in their study plan, and who last approved or returned the route.
      { path: 'studyPlan.coachId', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), 'studyPlan.coachId': p.sub }) },
      { path: 'lastReview.by', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), 'lastReview.by': p.sub }) },
    ],
    versioned: true,
  },
  {
    collection: 'route_history',
    course: (c) => ({ routeId: { $in: c.routeIds } }),
    what: 'history of the route (who changed what, when)',
    owned: (p) => ({ routeId: { $in: p.routeIds } }),
    references: [{ path: 'actorId', action: 'pseudonymise', within: (p) => ({ actorId: p.sub }) }],
  },
  {
    collection: 'coach_assignments',
    course: inCourse,
    what: 'which coach guides which student',
    owned: (p) => ({ ...onPlatform(p), $or: [{ studentId: p.sub }, { coachId: p.sub }] }),
  },
  {
    collection: 'session_signups',
    course: inCoursePlaybooks,
    what: 'sign-ups for sessions',
    references: [{ path: 'attendees', action: 'pull', within: (p) => ({ ...inPlaybooks(p), attendees: p.sub }) }],
  },
  {
    collection: 'session_attendance',
    course: inCoursePlaybooks,
    what: 'attendance marks',
    owned: (p) => ({ ...inPlaybooks(p), studentId: p.sub }),
    references: [{ path: 'markedBy', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), markedBy: p.sub }) }],
  },
  {
    collection: 'intake_responses',
    course: inCoursePlaybooks,
    what: 'intake answers and their review',
    owned: (p) => ({ ...inPlaybooks(p), studentId: p.sub }),
    references: [
      { path: 'diagnostics.review.by', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), 'diagnostics.review.by': p.sub }) },
      // The teacher who reopened the intake (its history); the student's own entries go with their intake.
      { path: 'history.by', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), 'history.by': p.sub }) },
    ],
  },
  {
    collection: 'intake_designs',
    what: 'who last saved an intake design (teachers)',
    references: [{ path: 'updatedBy', action: 'pseudonymise', within: (p) => ({ _id: { $in: p.playbookIds }, updatedBy: p.sub }) }],
  },
  {
    collection: 'peer_settings',
    what: 'who last saved the peer rules (teachers)',
    references: [{ path: 'updatedBy', action: 'pseudonymise', within: (p) => ({ _id: { $in: p.playbookIds }, updatedBy: p.sub }) }],
  },
  {
    collection: 'evidence_attempts',
    course: inCoursePlaybooks,
    what: 'evidence, self-assessments, assessments and grades',
    owned: (p) => ({ ...inPlaybooks(p), studentId: p.sub }),
    references: [
      { path: 'assessment.assessorId', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), 'assessment.assessorId': p.sub }) },
      { path: 'fourEyes.decisions.assessorId', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), 'fourEyes.decisions.assessorId': p.sub }) },
    ],
  },
  {
    collection: 'grade_deliveries',
    course: inCourse,
    what: 'grades sent to the LMS gradebook and how that went',
    owned: (p) => ({ ...onPlatform(p), userId: p.sub }),
  },
  {
    collection: 'peer_offers',
    course: inCoursePlaybooks,
    what: 'offers to help classmates as a peer',
    owned: (p) => ({ ...inPlaybooks(p), studentId: p.sub }),
    references: [{ path: 'juniors.juniorId', action: 'pull', within: (p) => ({ ...inPlaybooks(p), 'juniors.juniorId': p.sub }) }],
  },
  {
    collection: 'peer_requests',
    course: inCoursePlaybooks,
    what: 'requests for a peer, and pairings',
    owned: (p) => ({ ...inPlaybooks(p), $or: [{ juniorId: p.sub }, { peerId: p.sub }] }),
    // A teacher who ended a pair.
    references: [{ path: 'endedBy', action: 'pseudonymise', within: (p) => ({ ...inPlaybooks(p), endedBy: p.sub }) }],
  },
  {
    collection: 'project_group_sets',
    course: inCoursePlaybooks,
    what: 'project group membership',
    references: [{ path: 'groups.memberIds', action: 'pull', within: (p) => ({ ...inPlaybooks(p), 'groups.memberIds': p.sub }) }],
  },
  {
    collection: 'grade_score_clocks',
    what: 'the last score time per gradebook cell (the cell key names the student)',
    owned: (p) => ({ _id: { $regex: `^${escapeRegex(`[${JSON.stringify(p.platformId)},`)}.*${escapeRegex(`,${JSON.stringify(p.sub)}]`)}$` } }),
  },
  {
    collection: 'playbooks',
    what: 'who changed a published playbook (teachers, in its history)',
    references: [{ path: 'history.by', action: 'actor', within: (p) => ({ 'placement.platformId': p.platformId, 'history.by.id': p.sub }) }],
  },
  {
    collection: 'audit_trail',
    course: inCourse,
    what: 'assessment decisions about the person (exam board trail)',
    owned: (p) => ({ ...onPlatform(p), studentId: p.sub }),
    references: [{ path: 'actor', action: 'actor', within: (p) => ({ ...onPlatform(p), 'actor.id': p.sub }) }],
  },
];

/** Evidence files (GridFS bucket `evidence`): metadata.platformId + metadata.studentId name the owner. */
export const EVIDENCE_FILES = {
  bucket: 'evidence',
  owner: (p: PersonScope) => ({ 'metadata.platformId': p.platformId, 'metadata.studentId': p.sub }),
  course: (c: CourseScope) => ({ 'metadata.platformId': c.platformId, 'metadata.deploymentId': c.deploymentId, 'metadata.contextId': c.contextId }),
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
