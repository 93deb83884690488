// A student's own groups: who they work with in each collaborative activity — names only, never levels.
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassListMember } from '../../roster/index';
import type { GroupSet } from '../data/group-set-repository';
import type { ProjectGroupDeps } from '../deps';

export interface OwnGroup {
  set: GroupSet;
  groupId: string;
  members: ClassListMember[];
}

export async function ownGroups(deps: ProjectGroupDeps, { session }: { session: LaunchSession }): Promise<OwnGroup[]> {
  const standings = await deps.standings.classStandings({ session, audience: 'student' });
  const people = new Map(standings.students.map((s) => [s.student.id, s.student]));
  const sets = await deps.sets.list(standings.playbook.id);
  return sets.flatMap((set) => {
    const group = set.groups.find((g) => g.memberIds.includes(session.sub));
    if (!group) return [];
    return [{ set, groupId: group.id, members: group.memberIds.flatMap((id) => (people.get(id) ? [people.get(id) as ClassListMember] : [])) }];
  });
}
