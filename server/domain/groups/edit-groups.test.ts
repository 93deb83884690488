import { describe, expect, it } from 'vitest';
import { moveMember, setLocked } from './edit-groups';

const groups = [
  { id: 'g1', memberIds: ['a', 'b'], locked: false },
  { id: 'g2', memberIds: ['c'], locked: false },
];

describe("the teacher's hand on groups", () => {
  it('moves a student to another group, and a group left empty disappears', () => {
    expect(moveMember(groups, 'c', 'g1')).toEqual([{ id: 'g1', memberIds: ['a', 'b', 'c'], locked: false }]);
    expect(moveMember(groups, 'a', 'g2')).toEqual([
      { id: 'g1', memberIds: ['b'], locked: false },
      { id: 'g2', memberIds: ['c', 'a'], locked: false },
    ]);
  });

  it('refuses a student or group that is not there', () => {
    expect(() => moveMember(groups, 'z', 'g1')).toThrow(/none of these groups/);
    expect(() => moveMember(groups, 'a', 'g9')).toThrow(/no such group/);
  });

  it('locks and unlocks named groups only', () => {
    expect(setLocked(groups, ['g2'], true).map((g) => g.locked)).toEqual([false, true]);
    expect(() => setLocked(groups, ['g9'], true)).toThrow(/no such group/);
  });
});
