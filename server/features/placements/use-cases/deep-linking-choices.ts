// What a teacher placing Playroute can choose from, and carrying out the choice: a new playbook, one of this course, or a copy.
import { NotAuthorisedError, NotFoundError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { CourseRecords } from '../../../lti/store/course-records';
import type { PlaybookRepository, PlaybookSummary, StoredPlaybook } from '../../playbooks/index';
import { coursesTaughtBy } from './courses-taught';
import { copyOfPlaybook, emptyPlaybook } from './new-playbook';
import { contextKeyOf, isPending, pendingPlacementKey, sameContext } from '../../playbooks/index';

export type PlacementChoice =
  | { kind: 'new'; title: string }
  | { kind: 'existing'; playbookId: string }
  | { kind: 'copy'; playbookId: string };

export interface DeepLinkingOptions {
  thisCourse: PlaybookSummary[];
  /** Playbooks of the other courses this teacher teaches on the same LMS. */
  otherCourses: PlaybookSummary[];
}

interface Deps {
  playbooks: PlaybookRepository;
  records: CourseRecords;
}

export async function deepLinkingOptions(deps: Deps, props: { session: LaunchSession }): Promise<DeepLinkingOptions> {
  const here = contextKeyOf(props.session);
  const taught = await coursesTaughtBy(deps, props.session);
  const [thisCourse, elsewhere] = await Promise.all([
    deps.playbooks.listByContext(here),
    deps.playbooks.listByContexts(taught.filter((c) => !sameContext(c, here))),
  ]);
  return { thisCourse: thisCourse.filter(placed), otherCourses: elsewhere.filter(placed) };
}

/** Carries out the teacher's choice; the result is the playbook the new link will open. */
export async function choosePlaybookForPlacement(deps: Deps, props: { session: LaunchSession; choice: PlacementChoice }): Promise<StoredPlaybook> {
  const { session, choice } = props;
  const here = contextKeyOf(session);
  if (choice.kind === 'new') {
    return deps.playbooks.create({ placement: pendingPlacementKey(here), playbook: emptyPlaybook(choice.title), outcomes: [] });
  }
  const source = await deps.playbooks.get(choice.playbookId);
  if (!source) throw new NotFoundError('That playbook does not exist (any more).');
  if (choice.kind === 'existing') {
    if (!sameContext(source.placement, here)) throw new NotAuthorisedError('That playbook belongs to another course; choose to copy it instead.');
    return source;
  }
  const taught = await coursesTaughtBy(deps, session);
  if (!taught.some((course) => sameContext(course, source.placement))) {
    throw new NotAuthorisedError('You can only copy playbooks from courses you teach.');
  }
  const copy = copyOfPlaybook(source.playbook, source.outcomes);
  return deps.playbooks.create({ placement: pendingPlacementKey(here), playbook: copy.playbook, outcomes: copy.outcomes });
}

// A playbook still waiting for its first launch is not yet something a teacher would recognise in a list.
function placed(summary: PlaybookSummary): boolean {
  return !isPending(summary.placement);
}
