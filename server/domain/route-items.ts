// Resolves a route's entries to the activities they stand for, whether from the catalogue or the student's own.

import type { ActivityType, Environment, LearningForm } from './activity-grid';
import type { Activity } from './activity';
import type { Playbook } from './playbook';
import type { EntryStatus, OwnActivity } from './route';

/** What the rules, coverage and monitoring need to know of any activity in a route. */
export interface RouteItem {
  id: string;
  title: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  studyLoadHours: number;
  prerequisiteIds: string[];
  own: boolean;
  status: EntryStatus;
}

/** The part of a route the rules look at, so a draft list of ids can be checked before it is saved. */
export interface RouteComposition {
  entries: { activityId: string; status?: EntryStatus }[];
  ownActivities?: OwnActivity[];
}

export interface ResolvedRoute {
  items: RouteItem[];
  unknownIds: string[];
  rejectedOwnIds: string[];
}

/** Rejected own activities and unknown ids are set aside: they cannot count towards any rule. */
export function resolveRoute(playbook: Pick<Playbook, 'activities'>, route: RouteComposition): ResolvedRoute {
  const catalogue = catalogueOf(playbook.activities);
  const own = new Map((route.ownActivities ?? []).map((a) => [a.id, a]));
  const result: ResolvedRoute = { items: [], unknownIds: [], rejectedOwnIds: [] };
  for (const entry of route.entries) {
    const status = entry.status ?? 'planned';
    const activity = catalogue.get(entry.activityId);
    const proposal = own.get(entry.activityId);
    if (activity) {
      result.items.push({ ...pickItem(activity), prerequisiteIds: activity.prerequisiteIds, own: false, status });
    } else if (proposal && proposal.status !== 'rejected') {
      result.items.push({ ...pickItem(proposal), prerequisiteIds: [], own: true, status });
    } else if (proposal) {
      result.rejectedOwnIds.push(entry.activityId);
    } else {
      result.unknownIds.push(entry.activityId);
    }
  }
  return result;
}

/**
 * The catalogue by id, made once per activities list: a class overview resolves a thousand routes against the same
 * playbook. Keyed by the list itself (playbooks are never changed in place), so a changed playbook gets its own.
 */
const catalogues = new WeakMap<readonly Activity[], Map<string, Activity>>();

function catalogueOf(activities: readonly Activity[]): Map<string, Activity> {
  let catalogue = catalogues.get(activities);
  if (!catalogue) {
    catalogue = new Map(activities.map((a) => [a.id, a]));
    catalogues.set(activities, catalogue);
  }
  return catalogue;
}

function pickItem(a: Omit<RouteItem, 'prerequisiteIds' | 'own' | 'status'>) {
  const { id, title, environment, form, type, studyLoadHours } = a;
  return { id, title, environment, form, type, studyLoadHours };
}

export function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}
