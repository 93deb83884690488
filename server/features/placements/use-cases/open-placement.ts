// Which playbook a launched link opens: its own, the one deep linking made for it, or a copy after an LMS course copy.
import type { LaunchSession } from '../../../lti/session-token';
import type { CourseRecords } from '../../../lti/store/course-records';
import { AlreadyExistsError } from '../../../store/store-errors';
import type { ContextKey, PlaybookRepository, PlacementKey, StoredPlaybook } from '../../playbooks/index';
import { coursesTaughtBy } from './courses-taught';
import { copyHistoryNames, LEGACY_PLAYBOOK_PARAMETER, linkReferenceOf } from './link-reference';
import { copyOfPlaybook, emptyPlaybook } from './new-playbook';
import { isPending, placementKeyOf, sameContext } from '../../playbooks/index';

interface Deps {
  playbooks: PlaybookRepository;
  records: CourseRecords;
}

/**
 * The placement's playbook, or undefined when the teacher has not set one up yet. `recent`: the one this process read
 * a moment ago will do (a student's route requests; PlaybookRepository.getByPlacement).
 */
export async function playbookOfPlacement(deps: Deps, props: { session: LaunchSession; recent?: boolean }): Promise<StoredPlaybook | undefined> {
  const key = placementKeyOf(props.session);
  const own = await deps.playbooks.getByPlacement(key, { recent: props.recent === true });
  if (own) return own;
  const placement = await deps.records.getPlacement(key.platformId, key.deploymentId, key.resourceLinkId);
  const origin = placement ? await originOfLink(deps, placement.custom, key) : undefined;
  if (!origin) return undefined;
  try {
    if (origin.kind === 'claim') {
      // The first launch of a freshly placed link claims the playbook made for it; a concurrent launch finds it moved.
      return (await deps.playbooks.movePlacement(origin.source.playbook.id, origin.source.placement, key)) ?? (await deps.playbooks.getByPlacement(key));
    }
    if (!(await mayCopy(deps, props.session, origin.source))) return undefined;
    // A copy is the design only, with new ids: routes, attempts and grades belong to the original's playbook id.
    const copy = copyOfPlaybook(origin.source.playbook, origin.source.outcomes);
    return await deps.playbooks.create({ placement: key, playbook: copy.playbook, outcomes: copy.outcomes });
  } catch (error) {
    if (error instanceof AlreadyExistsError) return deps.playbooks.getByPlacement(key);
    throw error;
  }
}

interface LinkOrigin {
  /** 'claim': the pending playbook deep linking made for this course; 'copy': the link came here by a course copy. */
  kind: 'claim' | 'copy';
  source: StoredPlaybook;
}

/**
 * Where a link without a playbook of its own came from. Only what Playroute itself put on the link counts (its token),
 * only within the same platform and deployment (never another school's), and where the LMS tells the course's copy
 * history (Canvas), that history must name the course the link was made in.
 */
async function originOfLink(deps: Deps, custom: Record<string, string>, here: PlacementKey): Promise<LinkOrigin | undefined> {
  const reference = await linkReferenceOf(deps, custom);
  if (!reference) return legacyOrigin(deps, custom, here);
  const from: ContextKey = { platformId: reference.platformId, deploymentId: reference.deploymentId, contextId: reference.contextId };
  if (from.platformId !== here.platformId || from.deploymentId !== here.deploymentId) return undefined;
  const source = await deps.playbooks.get(reference.playbookId);
  if (!source || !sameContext(source.placement, from)) return undefined;
  if (sameContext(from, here)) return { kind: isPending(source.placement) ? 'claim' : 'copy', source };
  return copyHistoryNames(custom, from.contextId) === 'no' ? undefined : { kind: 'copy', source };
}

// Links placed before the token carried the bare id, which anyone editing a link can type: it only claims a pending playbook of this very course.
async function legacyOrigin(deps: Deps, custom: Record<string, string>, here: PlacementKey): Promise<LinkOrigin | undefined> {
  const wanted = custom[LEGACY_PLAYBOOK_PARAMETER];
  const source = wanted ? await deps.playbooks.get(wanted) : undefined;
  return source && isPending(source.placement) && sameContext(source.placement, here) ? { kind: 'claim', source } : undefined;
}

/**
 * A published playbook is what its course offers, so a copied course gets its design. A draft is a teacher's work in
 * progress (criteria not yet released): it goes along only when a teacher of the original course opens the copy;
 * otherwise the link waits for a teacher to set it up.
 */
async function mayCopy(deps: Deps, session: LaunchSession, source: StoredPlaybook): Promise<boolean> {
  if (source.playbook.status === 'published') return true;
  if (!session.roles.includes('teacher')) return false;
  const taught = await coursesTaughtBy(deps, session);
  return taught.some((course) => sameContext(course, source.placement));
}

/** A teacher opening a link that has no playbook (placed without deep linking) starts an empty one. */
export async function setUpPlaybook(deps: Deps, props: { session: LaunchSession; title: string }): Promise<StoredPlaybook> {
  const existing = await playbookOfPlacement(deps, props);
  if (existing) return existing;
  try {
    return await deps.playbooks.create({ placement: placementKeyOf(props.session), playbook: emptyPlaybook(props.title), outcomes: [] });
  } catch (error) {
    if (error instanceof AlreadyExistsError) {
      const created = await deps.playbooks.getByPlacement(placementKeyOf(props.session));
      if (created) return created;
    }
    throw error;
  }
}
