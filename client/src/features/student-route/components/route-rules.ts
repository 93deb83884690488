// The playbook's route rules checked in the browser while the student composes, so the check is live; the server checks again on submit.
import { checkRouteRules, type Playbook } from '../../../lib/domain';
import type { Activity, EntryStatus, Message, PublishedPlaybook } from '../api/types';

export type Choosable = Pick<Activity, 'id' | 'title' | 'environment' | 'form' | 'type' | 'studyLoadHours'> & { prerequisiteIds?: string[] };

/**
 * The server's own rule check (server/domain/route-rules.ts), so browser and server never disagree; skipped activities
 * do not count. The catalogue carries every field the check reads; dates, which arrive as strings, are not among them.
 */
export function checkDraft(playbook: PublishedPlaybook, catalogue: Map<string, Choosable>, ids: string[], statusOf: (id: string) => EntryStatus): Message[] {
  const activities = [...catalogue.values()].map((activity) => ({ ...activity, prerequisiteIds: activity.prerequisiteIds ?? [] }));
  const subject = { activities, rules: playbook.rules } as unknown as Pick<Playbook, 'activities' | 'rules'>;
  return checkRouteRules(subject, { entries: ids.map((activityId) => ({ activityId, status: statusOf(activityId) })) }).violations;
}

/** Catalogue activities plus the student's own activities that were not rejected. */
export function choosableActivities(playbook: PublishedPlaybook, own: Choosable[]): Map<string, Choosable> {
  return new Map<string, Choosable>([...playbook.activities, ...own].map((a) => [a.id, a]));
}
