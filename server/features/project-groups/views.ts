// What the project-group endpoints answer: for staff each group with names and the outcomes it has a peer on; for a student only who is in their group.
import type { ClassStandings } from '../intake/index';
import type { GroupSet } from './data/group-set-repository';
import { groupingStudents } from './use-cases/grouping-input';
import type { OwnGroup } from './use-cases/own-groups';

export function groupSetView(set: GroupSet, standings: ClassStandings) {
  const people = new Map(standings.students.map((s) => [s.student.id, s.student]));
  const peerOn = new Map(groupingStudents(standings).students.map((s) => [s.id, s.peerOn]));
  return {
    id: set.id,
    title: set.title,
    activityId: set.activityId ?? null,
    mode: set.mode,
    target: set.target,
    fixedPartners: set.fixedPartners,
    version: set.version,
    updatedAt: set.updatedAt,
    groups: set.groups.map((g) => ({
      id: g.id,
      locked: g.locked,
      members: g.memberIds.map((id) => ({ id, name: people.get(id)?.name ?? null, peerOn: peerOn.get(id) ?? [] })),
    })),
    missingPeers: set.missingPeers,
    /** Students of the class in no group (joined after the groups were formed): form again or move them in. */
    ungrouped: standings.students.map((s) => s.student.id).filter((id) => !set.groups.some((g) => g.memberIds.includes(id))),
  };
}

export function groupSetSummary(set: GroupSet) {
  return { id: set.id, title: set.title, activityId: set.activityId ?? null, mode: set.mode, groups: set.groups.length, version: set.version, updatedAt: set.updatedAt };
}

export function ownGroupsView(groups: OwnGroup[]) {
  return {
    groups: groups.map((g) => ({
      setId: g.set.id,
      title: g.set.title,
      activityId: g.set.activityId ?? null,
      groupId: g.groupId,
      members: g.members.map((m) => ({ id: m.id, name: m.name })),
    })),
  };
}
