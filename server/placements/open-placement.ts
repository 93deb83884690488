// Which playbook a launched link opens: its own, the one deep linking made for it, or a copy after an LMS course copy.
import type { LaunchSession } from '../lti/session-token';
import type { CourseRecords } from '../store/lti/course-records';
import { AlreadyExistsError } from '../store/repositories/errors';
import type { PlaybookRepository, StoredPlaybook } from '../store/repositories/playbook-repository';
import { copyOfPlaybook, emptyPlaybook } from './new-playbook';
import { isPending, placementKeyOf, sameContext } from './placement-keys';

/** The custom parameter deep linking puts on the link. */
export const PLAYBOOK_PARAMETER = 'playbook_id';

interface Deps {
  playbooks: PlaybookRepository;
  records: CourseRecords;
}

/** The placement's playbook, or undefined when the teacher has not set one up yet. */
export async function playbookOfPlacement(deps: Deps, props: { session: LaunchSession }): Promise<StoredPlaybook | undefined> {
  const key = placementKeyOf(props.session);
  const own = await deps.playbooks.getByPlacement(key);
  if (own) return own;
  const placement = await deps.records.getPlacement(key.platformId, key.deploymentId, key.resourceLinkId);
  const wanted = placement?.custom[PLAYBOOK_PARAMETER];
  const source = wanted ? await deps.playbooks.get(wanted) : undefined;
  if (!source) return undefined;
  try {
    if (isPending(source.placement) && sameContext(source.placement, key)) {
      // The first launch of a freshly placed link claims the playbook made for it; a concurrent launch finds it moved.
      return (await deps.playbooks.movePlacement(source.playbook.id, source.placement, key)) ?? (await deps.playbooks.getByPlacement(key));
    }
    // The LMS copied the course (and the link's custom parameter) into a new course: give it its own copy.
    const copy = copyOfPlaybook(source.playbook, source.outcomes);
    return await deps.playbooks.create({ placement: key, playbook: copy.playbook, outcomes: copy.outcomes });
  } catch (error) {
    if (error instanceof AlreadyExistsError) return deps.playbooks.getByPlacement(key);
    throw error;
  }
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
