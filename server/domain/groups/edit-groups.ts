// The teacher's hand on formed groups: move a student to another group, lock or unlock groups.

import { DomainError } from '../errors';

export interface StoredGroup {
  id: string;
  memberIds: string[];
  locked: boolean;
}

/** Moves the student out of wherever they are into `toGroupId`; a group left empty disappears. */
export function moveMember(groups: readonly StoredGroup[], studentId: string, toGroupId: string): StoredGroup[] {
  if (!groups.some((g) => g.memberIds.includes(studentId))) throw new DomainError('not_found', 'the student is in none of these groups', { studentId });
  if (!groups.some((g) => g.id === toGroupId)) throw new DomainError('not_found', 'no such group', { groupId: toGroupId });
  return groups
    .map((g) => {
      const without = g.memberIds.filter((id) => id !== studentId);
      return { ...g, memberIds: g.id === toGroupId ? [...without, studentId] : without };
    })
    .filter((g) => g.memberIds.length > 0);
}

/** Locks (or unlocks) the named groups: locked groups come back unchanged when the teacher forms the rest again. */
export function setLocked(groups: readonly StoredGroup[], groupIds: readonly string[], locked: boolean): StoredGroup[] {
  const unknown = groupIds.filter((id) => !groups.some((g) => g.id === id));
  if (unknown.length > 0) throw new DomainError('not_found', 'no such group', { groupIds: unknown });
  return groups.map((g) => (groupIds.includes(g.id) ? { ...g, locked } : g));
}
