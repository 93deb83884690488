// Finds a cycle in a catalogue's prerequisites: a route could never contain the activities on it in a valid order.

import type { Activity } from './activity';

/** One cycle as activity ids, first id repeated at the end (a → b → a), or undefined when there is none. Unknown ids are ignored. */
export function findPrerequisiteCycle(activities: Pick<Activity, 'id' | 'prerequisiteIds'>[]): string[] | undefined {
  const prerequisites = new Map(activities.map((a) => [a.id, a.prerequisiteIds]));
  const done = new Set<string>();
  const path: string[] = [];

  const visit = (id: string): string[] | undefined => {
    const at = path.indexOf(id);
    if (at >= 0) return [...path.slice(at), id];
    if (done.has(id) || !prerequisites.has(id)) return undefined;
    path.push(id);
    for (const next of prerequisites.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(id);
    return undefined;
  };

  for (const activity of activities) {
    const cycle = visit(activity.id);
    if (cycle) return cycle;
  }
  return undefined;
}
