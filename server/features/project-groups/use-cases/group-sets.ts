// The teacher forms groups from the intake, forms them again around locked groups, moves students and locks groups.
import { formGroups, moveMember, setLocked, type GroupingMode, type GroupTarget, type StoredGroup } from '../../../domain/groups/index';
import type { LaunchSession } from '../../../lti/session-token';
import type { ClassStandings } from '../../intake/index';
import type { GroupSet, GroupSetChange } from '../data/group-set-repository';
import type { ProjectGroupDeps } from '../deps';
import { groupSetNotFound, unknownActivity, unknownStudents } from '../errors';
import { groupingStudents } from './grouping-input';

export interface GroupSetAnswer {
  set: GroupSet;
  standings: ClassStandings;
}

export interface FormProps {
  session: LaunchSession;
  title: string;
  activityId?: string | undefined;
  mode: GroupingMode;
  target: GroupTarget;
  fixedPartners: string[][];
}

export async function formGroupSet(deps: ProjectGroupDeps, props: FormProps): Promise<GroupSetAnswer> {
  const standings = await deps.standings.classStandings({ session: props.session, audience: 'staff' });
  if (props.activityId && !standings.playbook.activities.some((a) => a.id === props.activityId)) throw unknownActivity(props.activityId);
  const change = regroup(deps, standings, { mode: props.mode, target: props.target, fixedPartners: props.fixedPartners, locked: [] });
  const now = deps.learningRoutes.now();
  const set = await deps.sets.create(
    { id: deps.learningRoutes.newId(), playbookId: standings.playbook.id, title: props.title, ...(props.activityId ? { activityId: props.activityId } : {}), ...change, createdAt: now },
    props.session.sub,
  );
  return { set, standings };
}

export interface ReformProps {
  session: LaunchSession;
  setId: string;
  version: number;
  mode?: GroupingMode | undefined;
  target?: GroupTarget | undefined;
  fixedPartners?: string[][] | undefined;
}

/** Forms the unlocked part again (with new settings if given); locked groups stay exactly as they are. */
export async function reformGroupSet(deps: ProjectGroupDeps, props: ReformProps): Promise<GroupSetAnswer> {
  const { set, standings } = await readGroupSet(deps, { session: props.session, setId: props.setId });
  const change = regroup(deps, standings, {
    mode: props.mode ?? set.mode,
    target: props.target ?? set.target,
    fixedPartners: props.fixedPartners ?? set.fixedPartners,
    locked: set.groups.filter((g) => g.locked),
  });
  return save(deps, props, set, standings, change);
}

export async function moveStudent(deps: ProjectGroupDeps, props: { session: LaunchSession; setId: string; version: number; studentId: string; toGroupId: string }): Promise<GroupSetAnswer> {
  const { set, standings } = await readGroupSet(deps, props);
  const groups = moveMember(set.groups, props.studentId, props.toGroupId);
  return save(deps, props, set, standings, { ...settingsOf(set), groups, missingPeers: missingPeersOf(standings, groups, set.mode) });
}

export async function lockGroups(deps: ProjectGroupDeps, props: { session: LaunchSession; setId: string; version: number; groupIds: string[]; locked: boolean }): Promise<GroupSetAnswer> {
  const { set, standings } = await readGroupSet(deps, props);
  return save(deps, props, set, standings, { ...settingsOf(set), groups: setLocked(set.groups, props.groupIds, props.locked), missingPeers: set.missingPeers });
}

export async function readGroupSet(deps: ProjectGroupDeps, { session, setId }: { session: LaunchSession; setId: string }): Promise<GroupSetAnswer> {
  const standings = await deps.standings.classStandings({ session, audience: 'staff' });
  const set = await deps.sets.get(standings.playbook.id, setId);
  if (!set) throw groupSetNotFound(setId);
  return { set, standings };
}

export async function listGroupSets(deps: ProjectGroupDeps, { session }: { session: LaunchSession }): Promise<{ sets: GroupSet[]; standings: ClassStandings }> {
  const standings = await deps.standings.classStandings({ session, audience: 'staff' });
  return { sets: await deps.sets.list(standings.playbook.id), standings };
}

function regroup(
  deps: ProjectGroupDeps,
  standings: ClassStandings,
  props: { mode: GroupingMode; target: GroupTarget; fixedPartners: string[][]; locked: StoredGroup[] },
): GroupSetChange {
  const { students, outcomeIds } = groupingStudents(standings);
  const known = new Set(students.map((s) => s.id));
  const strangers = [...new Set(props.fixedPartners.flat())].filter((id) => !known.has(id));
  if (strangers.length > 0) throw unknownStudents(strangers);
  const result = formGroups({ students, outcomeIds, mode: props.mode, target: props.target, fixedPartners: props.fixedPartners, locked: props.locked });
  const groups = result.groups.map((g) => ({ id: g.id ?? deps.learningRoutes.newId(), memberIds: g.memberIds, locked: g.locked }));
  const missingPeers = result.missingPeers.flatMap((m) => {
    const group = groups[m.groupIndex];
    return group ? [{ groupId: group.id, outcomeId: m.outcomeId }] : [];
  });
  return { mode: props.mode, target: props.target, fixedPartners: props.fixedPartners, groups, missingPeers };
}

/** After a move the teacher sees again which groups lack a peer on an outcome. */
function missingPeersOf(standings: ClassStandings, groups: StoredGroup[], mode: GroupingMode): GroupSetChange['missingPeers'] {
  if (mode !== 'mixed') return [];
  const { students, outcomeIds } = groupingStudents(standings);
  const peerOn = new Map(students.map((s) => [s.id, s.peerOn]));
  return groups.filter((g) => !g.locked).flatMap((g) => outcomeIds.filter((o) => !g.memberIds.some((id) => peerOn.get(id)?.includes(o))).map((outcomeId) => ({ groupId: g.id, outcomeId })));
}

function settingsOf(set: GroupSet): Pick<GroupSetChange, 'mode' | 'target' | 'fixedPartners'> {
  return { mode: set.mode, target: set.target, fixedPartners: set.fixedPartners };
}

async function save(deps: ProjectGroupDeps, props: { session: LaunchSession; version: number }, set: GroupSet, standings: ClassStandings, change: GroupSetChange): Promise<GroupSetAnswer> {
  const saved = await deps.sets.save(set.playbookId, set.id, change, { expectedVersion: props.version, by: props.session.sub, at: deps.learningRoutes.now() });
  return { set: saved, standings };
}
