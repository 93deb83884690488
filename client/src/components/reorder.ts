// The arithmetic of reordering a list, apart from the pointer events and the DOM, so it can be tested on its own.

export interface Drag {
  /** The index of the item being dragged. */
  from: number;
  /** The gap it would be dropped into: 0 is before the first item, `count` after the last. */
  slot: number;
}

/** The gap under the pointer: before the first item whose middle lies below it, or after the last item. */
export function slotAt(boxes: readonly { top: number; height: number }[], clientY: number): number {
  const index = boxes.findIndex((box) => clientY < box.top + box.height / 2);
  return index < 0 ? boxes.length : index;
}

/** Where the dragged item ends up, or null when the gap is right before or after it (dropping there changes nothing). */
export function dropIndex({ from, slot }: Drag): number | null {
  if (slot === from || slot === from + 1) return null;
  return slot > from ? slot - 1 : slot;
}

/** Class names for the item at `index`: the dragged item, and the drop line before it (or after the last item). */
export function dragMarks(drag: Drag | null, index: number, count: number): string {
  if (!drag) return '';
  const names: string[] = [];
  const changes = dropIndex(drag) !== null;
  if (drag.from === index) names.push('is-dragged');
  if (changes && drag.slot === index) names.push('drop-before');
  if (changes && drag.slot === count && index === count - 1) names.push('drop-after');
  return names.join(' ');
}

/** The list with the item at `from` moved to index `to`; the same list when either is out of range or nothing moves. */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || to === from) return list;
  const next = [...list];
  const [item] = next.splice(from, 1) as [T];
  next.splice(to, 0, item);
  return next;
}
