// Checks a route against its playbook's rules and reports every violation as a message the client can say.

import { ACTIVITY_TYPES } from './activity-grid';
import { message, type Message } from './messages';
import type { Playbook } from './playbook';
import { resolveRoute, roundHours, type RouteComposition, type RouteItem } from './route-items';

export interface RulesCheck {
  ok: boolean;
  violations: Message[];
}

/**
 * Skipped entries do not count: a route only satisfies the rules with activities the student
 * still intends to do. Structural problems (unknown, duplicate, rejected) come first.
 */
export function checkRouteRules(playbook: Pick<Playbook, 'activities' | 'rules'>, route: RouteComposition): RulesCheck {
  const resolved = resolveRoute(playbook, route);
  const violations: Message[] = [
    ...resolved.unknownIds.map((activityId) => message('route.rule.unknown_activity', { activityId })),
    ...resolved.rejectedOwnIds.map((activityId) => message('route.rule.own_activity_rejected', { activityId })),
    ...duplicates(route),
  ];
  const items = resolved.items.filter((i) => i.status !== 'skipped');
  violations.push(...requiredActivities(playbook, items), ...typeMinimums(playbook, items));
  violations.push(...environments(playbook, items), ...studyLoad(playbook, items), ...prerequisites(items));
  return { ok: violations.length === 0, violations };
}

function duplicates(route: RouteComposition): Message[] {
  const counts = new Map<string, number>();
  for (const e of route.entries) counts.set(e.activityId, (counts.get(e.activityId) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count > 1)
    .map(([activityId, count]) => message('route.rule.duplicate_activity', { activityId, count }));
}

function requiredActivities(playbook: Pick<Playbook, 'activities' | 'rules'>, items: RouteItem[]): Message[] {
  const chosen = new Set(items.map((i) => i.id));
  return playbook.rules.requiredActivityIds
    .filter((id) => !chosen.has(id))
    .map((activityId) => {
      const title = playbook.activities.find((a) => a.id === activityId)?.title ?? '';
      return message('route.rule.missing_required_activity', { activityId, title });
    });
}

function typeMinimums(playbook: Pick<Playbook, 'rules'>, items: RouteItem[]): Message[] {
  return ACTIVITY_TYPES.flatMap((type) => {
    const required = playbook.rules.minPerType[type] ?? 0;
    const actual = items.filter((i) => i.type === type).length;
    return actual < required ? [message('route.rule.missing_activity_type', { type, required, actual })] : [];
  });
}

function environments(playbook: Pick<Playbook, 'rules'>, items: RouteItem[]): Message[] {
  return playbook.rules.requiredEnvironments
    .filter((environment) => !items.some((i) => i.environment === environment))
    .map((environment) => message('route.rule.missing_environment', { environment }));
}

function studyLoad(playbook: Pick<Playbook, 'rules'>, items: RouteItem[]): Message[] {
  const actual = roundHours(items.reduce((sum, i) => sum + i.studyLoadHours, 0));
  const { minStudyLoadHours: minimum, maxStudyLoadHours: maximum } = playbook.rules;
  if (minimum !== undefined && actual < minimum) return [message('route.rule.study_load_below_minimum', { minimum, actual })];
  if (maximum !== undefined && actual > maximum) return [message('route.rule.study_load_above_maximum', { maximum, actual })];
  return [];
}

/** A prerequisite must be in the route, and earlier than the activity that needs it. */
function prerequisites(items: RouteItem[]): Message[] {
  const position = new Map<string, number>();
  items.forEach((item, index) => {
    if (!position.has(item.id)) position.set(item.id, index);
  });
  return items.flatMap((item, index) =>
    item.prerequisiteIds.flatMap((prerequisiteId) => {
      const at = position.get(prerequisiteId);
      const params = { activityId: item.id, prerequisiteId };
      if (at === undefined) return [message('route.rule.missing_prerequisite', params)];
      return at > index ? [message('route.rule.prerequisite_after_dependant', params)] : [];
    }),
  );
}
