// Pointer drag-and-drop reordering of a list (mouse, pen and touch, through pointer events); the keyboard controls stay beside it.
// The handle captures the pointer, the slot under the pointer is computed from the items' midpoints, and Escape cancels.
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { dragMarks, dropIndex, slotAt, type Drag } from './reorder';

export interface PointerReorder<T extends HTMLElement> {
  /** Put on the list element, whose element children are the items. */
  listRef: RefObject<T | null>;
  /** Spread on each item's drag handle. */
  handleProps(index: number): {
    onPointerDown(event: ReactPointerEvent<HTMLElement>): void;
    onPointerMove(event: ReactPointerEvent<HTMLElement>): void;
    onPointerUp(event: ReactPointerEvent<HTMLElement>): void;
    onPointerCancel(): void;
    onLostPointerCapture(): void;
  };
  /** Class names for an item while dragging: the dragged item, and the drop indicator before or after an item. */
  itemClass(index: number): string;
  dragging: boolean;
}

const EDGE = 40;

export function usePointerReorder<T extends HTMLElement>(count: number, onDrop: (from: number, to: number) => void): PointerReorder<T> {
  const listRef = useRef<T>(null);
  const dragRef = useRef<Drag | null>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const update = (next: Drag | null) => {
    dragRef.current = next;
    setDrag(next);
  };

  useEffect(() => {
    if (!drag) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') update(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drag]);

  const boxes = () => (listRef.current ? Array.from(listRef.current.children, (item) => item.getBoundingClientRect()) : []);

  return {
    listRef,
    handleProps: (index) => ({
      onPointerDown(event) {
        if (event.pointerType === 'mouse' && event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        update({ from: index, slot: index });
      },
      onPointerMove(event) {
        const d = dragRef.current;
        if (!d) return;
        if (event.clientY < EDGE) window.scrollBy(0, -8);
        else if (event.clientY > window.innerHeight - EDGE) window.scrollBy(0, 8);
        const slot = slotAt(boxes(), event.clientY);
        if (slot !== d.slot) update({ ...d, slot });
      },
      onPointerUp() {
        const d = dragRef.current;
        update(null);
        const to = d ? dropIndex(d) : null;
        if (d && to !== null) onDrop(d.from, to);
      },
      onPointerCancel: () => update(null),
      onLostPointerCapture: () => update(null),
    }),
    itemClass: (index) => dragMarks(drag, index, count),
    dragging: drag !== null,
  };
}
