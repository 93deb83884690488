// Reordering by drag and drop and by the move buttons: where the pointer drops, what moves where, and when nothing changes.
import { describe, expect, it } from 'vitest';
import { dragMarks, dropIndex, moveItem, slotAt } from './reorder';

// Three items of 40 px from y = 100: middles at 120, 160 and 200.
const BOXES = [
  { top: 100, height: 40 },
  { top: 140, height: 40 },
  { top: 180, height: 40 },
];

describe('reordering a list', () => {
  it('finds the gap under the pointer from the items’ middles', () => {
    expect(slotAt(BOXES, 90)).toBe(0);
    expect(slotAt(BOXES, 119)).toBe(0);
    expect(slotAt(BOXES, 121)).toBe(1);
    expect(slotAt(BOXES, 199)).toBe(2);
    expect(slotAt(BOXES, 260)).toBe(3);
    expect(slotAt([], 10)).toBe(0);
  });

  it('drops the dragged item where the gap is, counting the gap it leaves behind', () => {
    expect(dropIndex({ from: 0, slot: 3 })).toBe(2);
    expect(dropIndex({ from: 0, slot: 2 })).toBe(1);
    expect(dropIndex({ from: 2, slot: 0 })).toBe(0);
  });

  it('changes nothing when dropped just before or just after itself', () => {
    expect(dropIndex({ from: 1, slot: 1 })).toBeNull();
    expect(dropIndex({ from: 1, slot: 2 })).toBeNull();
  });

  it('marks the dragged item and the drop line, and no line where the drop would change nothing', () => {
    expect(dragMarks(null, 0, 3)).toBe('');
    expect(dragMarks({ from: 0, slot: 2 }, 0, 3)).toBe('is-dragged');
    expect(dragMarks({ from: 0, slot: 2 }, 2, 3)).toBe('drop-before');
    expect(dragMarks({ from: 0, slot: 3 }, 2, 3)).toBe('drop-after');
    expect(dragMarks({ from: 1, slot: 2 }, 2, 3)).toBe('');
  });

  it('moves an item down and up, and leaves the list alone for a move off either end', () => {
    const route = ['a', 'b', 'c', 'd'];
    expect(moveItem(route, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(route, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(route, 0, -1)).toBe(route);
    expect(moveItem(route, 3, 4)).toBe(route);
    expect(moveItem(route, 1, 1)).toBe(route);
    expect(route).toEqual(['a', 'b', 'c', 'd']);
  });
});
