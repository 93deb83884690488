// What deep linking puts on a new link (an unguessable token, not a playbook id), and what a launched link's parameters say about where it came from.
import { randomBytes } from 'node:crypto';
import type { LaunchSession } from '../../../lti/session-token';
import { CONTEXT_HISTORY_PARAMETER } from '../../../lti/tool-configuration';
import type { CourseRecords, LinkReferenceRecord } from '../../../lti/store/course-records';
import { contextKeyOf } from '../../playbooks/index';

/**
 * The custom parameter deep linking sets. Its value is a random token Playroute stored with the playbook and course it
 * was made for. LMSs copy a link's custom parameters with the course (Canvas course copy; Moodle's backup keeps
 * `instructorcustomparameters`, mod/lti/backup/moodle2/backup_lti_stepslib.php), so a copied link still names its origin;
 * but a teacher who types a parameter (Moodle's activity form lets them) cannot guess a token of a course they never taught.
 */
export const LINK_PARAMETER = 'playroute_link';

/** What links placed before the token carried: the bare playbook id. Honoured only to claim a pending playbook of the same course. */
export const LEGACY_PLAYBOOK_PARAMETER = 'playbook_id';

/** Makes the token for a link deep linking is about to create, and returns the link's custom parameters. */
export async function linkParameters(deps: { records: CourseRecords }, props: { session: LaunchSession; playbookId: string; now?: Date }): Promise<Record<string, string>> {
  const token = randomBytes(24).toString('base64url');
  await deps.records.saveLinkReference({ token, ...contextKeyOf(props.session), playbookId: props.playbookId, createdAt: props.now ?? new Date() });
  return { [LINK_PARAMETER]: token };
}

export async function linkReferenceOf(deps: { records: CourseRecords }, custom: Record<string, string>): Promise<LinkReferenceRecord | undefined> {
  const token = custom[LINK_PARAMETER];
  return token ? deps.records.getLinkReference(token) : undefined;
}

/**
 * Whether the LMS says this course is a copy of `contextId`: 'unknown' when it did not fill in the history
 * (an LMS that does not know the variable sends it back as written, e.g. "$Context.id.history").
 */
export function copyHistoryNames(custom: Record<string, string>, contextId: string): 'yes' | 'no' | 'unknown' {
  const history = custom[CONTEXT_HISTORY_PARAMETER];
  if (history === undefined || history.startsWith('$')) return 'unknown';
  return history.split(',').some((id) => id.trim() === contextId) ? 'yes' : 'no';
}
