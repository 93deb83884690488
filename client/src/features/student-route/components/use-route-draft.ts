// The route the student is composing, kept in memory apart from the saved route, so a failed save never loses it.
import { useState } from 'react';

export interface RouteDraft {
  ids: string[];
  dirty: boolean;
  add(id: string): void;
  remove(id: string): void;
  move(id: string, by: -1 | 1): void;
  replace(ids: string[]): void;
}

export function useRouteDraft(saved: string[]): RouteDraft {
  const [ids, setIds] = useState<string[]>(saved);
  const dirty = ids.length !== saved.length || ids.some((id, i) => saved[i] !== id);
  return {
    ids,
    dirty,
    add: (id) => setIds((current) => (current.includes(id) ? current : [...current, id])),
    remove: (id) => setIds((current) => current.filter((x) => x !== id)),
    move: (id, by) =>
      setIds((current) => {
        const from = current.indexOf(id);
        const to = from + by;
        if (from < 0 || to < 0 || to >= current.length) return current;
        const next = [...current];
        next.splice(from, 1);
        next.splice(to, 0, id);
        return next;
      }),
    replace: setIds,
  };
}
