// The playbook's route rules checked in the browser while the student composes, so the check is live; the server checks again on submit.
import { ACTIVITY_TYPES, type Activity, type EntryStatus, type Message, type PublishedPlaybook } from '../api/types';

export type Choosable = Pick<Activity, 'id' | 'title' | 'environment' | 'form' | 'type' | 'studyLoadHours'> & { prerequisiteIds?: string[] };

const msg = (key: string, params: Message['params'] = {}): Message => ({ key, params });

/** Mirrors server/domain/route-rules.ts: skipped activities do not count towards the rules. */
export function checkDraft(playbook: PublishedPlaybook, catalogue: Map<string, Choosable>, ids: string[], statusOf: (id: string) => EntryStatus): Message[] {
  const violations: Message[] = ids.filter((id) => !catalogue.has(id)).map((activityId) => msg('route.rule.unknown_activity', { activityId }));
  const items = ids.flatMap((id) => catalogue.get(id) ?? []).filter((item) => statusOf(item.id) !== 'skipped');
  const chosen = new Set(items.map((i) => i.id));
  const { rules } = playbook;
  for (const activityId of rules.requiredActivityIds) {
    if (!chosen.has(activityId)) violations.push(msg('route.rule.missing_required_activity', { activityId, title: catalogue.get(activityId)?.title ?? '' }));
  }
  for (const type of ACTIVITY_TYPES) {
    const required = rules.minPerType[type] ?? 0;
    const actual = items.filter((i) => i.type === type).length;
    if (actual < required) violations.push(msg('route.rule.missing_activity_type', { type, required, actual }));
  }
  for (const environment of rules.requiredEnvironments) {
    if (!items.some((i) => i.environment === environment)) violations.push(msg('route.rule.missing_environment', { environment }));
  }
  const actual = Math.round(items.reduce((sum, i) => sum + i.studyLoadHours, 0) * 10) / 10;
  if (rules.minStudyLoadHours !== undefined && actual < rules.minStudyLoadHours) {
    violations.push(msg('route.rule.study_load_below_minimum', { minimum: rules.minStudyLoadHours, actual }));
  } else if (rules.maxStudyLoadHours !== undefined && actual > rules.maxStudyLoadHours) {
    violations.push(msg('route.rule.study_load_above_maximum', { maximum: rules.maxStudyLoadHours, actual }));
  }
  items.forEach((item, index) => {
    for (const prerequisiteId of item.prerequisiteIds ?? []) {
      const at = items.findIndex((i) => i.id === prerequisiteId);
      if (at === -1) violations.push(msg('route.rule.missing_prerequisite', { activityId: item.id, prerequisiteId }));
      else if (at > index) violations.push(msg('route.rule.prerequisite_after_dependant', { activityId: item.id, prerequisiteId }));
    }
  });
  return violations;
}

/** Catalogue activities plus the student's own activities that were not rejected. */
export function choosableActivities(playbook: PublishedPlaybook, own: Choosable[]): Map<string, Choosable> {
  return new Map<string, Choosable>([...playbook.activities, ...own].map((a) => [a.id, a]));
}
