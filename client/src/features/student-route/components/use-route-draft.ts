// The route the student is composing, kept in memory apart from the saved route, so a failed save never loses it.
import { useState } from 'react';
import { moveItem } from '../../../components/reorder';

export interface RouteDraft {
  ids: string[];
  dirty: boolean;
  add(id: string): void;
  remove(id: string): void;
  move(id: string, by: -1 | 1): void;
  /** Put an activity at a position (0-based), as a drag and drop does. */
  moveTo(id: string, to: number): void;
  replace(ids: string[]): void;
}

const placed = (current: string[], id: string, to: number): string[] => moveItem(current, current.indexOf(id), to);

export function useRouteDraft(saved: string[]): RouteDraft {
  const [ids, setIds] = useState<string[]>(saved);
  const dirty = ids.length !== saved.length || ids.some((id, i) => saved[i] !== id);
  return {
    ids,
    dirty,
    add: (id) => setIds((current) => (current.includes(id) ? current : [...current, id])),
    remove: (id) => setIds((current) => current.filter((x) => x !== id)),
    move: (id, by) => setIds((current) => placed(current, id, current.indexOf(id) + by)),
    moveTo: (id, to) => setIds((current) => placed(current, id, to)),
    replace: setIds,
  };
}
