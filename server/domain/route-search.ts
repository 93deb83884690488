// Builds valid routes from a playbook's rules by construction, to show the teacher that more than one route leads to the outcome.

import type { Activity } from './activity';
import { ACTIVITY_TYPES } from './activity-grid';
import type { Playbook } from './playbook';
import { checkRouteRules } from './route-rules';

type Designed = Pick<Playbook, 'activities' | 'rules' | 'recommendedRoute'>;

/**
 * Greedy construction: required activities (and their prerequisites), then the lightest activities
 * that fill each type minimum and required environment, then the lightest extras up to the minimum load.
 * Every result is verified with the real rules check, so it never claims a route that is not valid;
 * it can miss one in a tight knapsack-like corner, which the quality check then reports as doubtful.
 */
export function constructValidRoute(playbook: Designed, { include = [], exclude = [] }: { include?: string[]; exclude?: string[] } = {}): string[] | undefined {
  const catalogue = new Map(playbook.activities.map((a) => [a.id, a]));
  const banned = new Set(exclude);
  const chosen = new Set<string>();
  const load = () => [...chosen].reduce((s, id) => s + (catalogue.get(id)?.studyLoadHours ?? 0), 0);

  /** The activity plus any prerequisite not chosen yet, or undefined when one of them is banned or unknown. */
  const closure = (id: string, acc = new Set<string>()): Set<string> | undefined => {
    if (chosen.has(id) || acc.has(id)) return acc;
    const activity = catalogue.get(id);
    if (!activity || banned.has(id)) return undefined;
    acc.add(id);
    for (const p of activity.prerequisiteIds) if (!closure(p, acc)) return undefined;
    return acc;
  };
  const cost = (ids: Set<string>) => [...ids].reduce((s, id) => s + (catalogue.get(id)?.studyLoadHours ?? 0), 0);
  const add = (id: string): boolean => {
    const ids = closure(id);
    if (!ids) return false;
    ids.forEach((i) => chosen.add(i));
    return true;
  };
  /** Adds the cheapest candidate that satisfies `wanted`, keeping below the maximum load. */
  const addCheapest = (wanted: (a: Activity) => boolean): boolean => {
    const max = playbook.rules.maxStudyLoadHours ?? Infinity;
    const options = playbook.activities
      .filter((a) => wanted(a) && !chosen.has(a.id))
      .flatMap((a) => {
        const ids = closure(a.id);
        return ids ? [{ ids, cost: cost(ids) }] : [];
      })
      .filter((o) => load() + o.cost <= max)
      .sort((x, y) => x.cost - y.cost);
    const best = options[0];
    if (!best) return false;
    best.ids.forEach((i) => chosen.add(i));
    return true;
  };

  for (const id of [...playbook.rules.requiredActivityIds, ...include]) if (!add(id)) return undefined;
  for (const type of ACTIVITY_TYPES) {
    const minimum = playbook.rules.minPerType[type] ?? 0;
    while (countOf(chosen, catalogue, (a) => a.type === type) < minimum) {
      if (!addCheapest((a) => a.type === type)) return undefined;
    }
  }
  for (const env of playbook.rules.requiredEnvironments) {
    if (countOf(chosen, catalogue, (a) => a.environment === env) === 0 && !addCheapest((a) => a.environment === env)) return undefined;
  }
  while (load() < (playbook.rules.minStudyLoadHours ?? 0)) {
    if (!addCheapest(() => true)) return undefined;
  }
  const ordered = topologicalOrder(playbook.activities.filter((a) => chosen.has(a.id)));
  if (!ordered) return undefined;
  const entries = ordered.map((activityId) => ({ activityId }));
  return checkRouteRules(playbook, { entries }).ok ? ordered : undefined;
}

function countOf(chosen: Set<string>, catalogue: Map<string, Activity>, match: (a: Activity) => boolean): number {
  return [...chosen].filter((id) => {
    const a = catalogue.get(id);
    return a !== undefined && match(a);
  }).length;
}

/** Catalogue order where prerequisites allow it; undefined on a prerequisite cycle. */
export function topologicalOrder(activities: Activity[]): string[] | undefined {
  const ids = new Set(activities.map((a) => a.id));
  const placed: string[] = [];
  const done = new Set<string>();
  while (placed.length < activities.length) {
    const next = activities.find((a) => !done.has(a.id) && a.prerequisiteIds.every((p) => done.has(p) || !ids.has(p)));
    if (!next) return undefined;
    placed.push(next.id);
    done.add(next.id);
  }
  return placed;
}

/**
 * Two routes with different activity sets (order alone is not a different route), or fewer when
 * none could be found. Starts from the recommended route when it is valid, then tries, one at a
 * time, to do without each of its non-required activities or to include each activity it lacks:
 * at most n + 1 constructions, each polynomial, instead of enumerating 2^n sets.
 */
export function findTwoDistinctRoutes(playbook: Designed): string[][] {
  const recommendedOk = checkRouteRules(playbook, { entries: playbook.recommendedRoute.map((activityId) => ({ activityId })) }).ok;
  const first = recommendedOk ? playbook.recommendedRoute : constructValidRoute(playbook);
  if (!first) return [];
  const required = new Set(playbook.rules.requiredActivityIds);
  const inFirst = new Set(first);
  for (const id of first.filter((i) => !required.has(i))) {
    const other = constructValidRoute(playbook, { exclude: [id] });
    if (other) return [first, other];
  }
  for (const a of playbook.activities.filter((x) => !inFirst.has(x.id))) {
    const other = constructValidRoute(playbook, { include: [a.id] });
    if (other) return [first, other];
  }
  return [first];
}
