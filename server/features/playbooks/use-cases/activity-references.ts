// Checks that the activity ids a teacher refers to exist in the playbook and that prerequisites form no cycle.
import type { Activity } from '../../../domain/activity';
import { findPrerequisiteCycle } from '../../../domain/prerequisite-cycles';
import { ValidationError } from '../../../errors';

/** 400 naming the first id (as `field.index`) that is not one of `activities`. */
export function requireKnownActivities(activities: Pick<Activity, 'id'>[], ids: string[], field: string): void {
  const known = new Set(activities.map((a) => a.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw new ValidationError(`${field}.${index}: there is no activity ${ids[index]} in this playbook`, { field: `${field}.${index}` });
  }
}

/** Prerequisites must exist, not be the activity itself, and not lead back to it. */
export function requireSoundPrerequisites(activities: Activity[], activity: Activity): void {
  const self = activity.prerequisiteIds.indexOf(activity.id);
  if (self >= 0) {
    throw new ValidationError(`prerequisiteIds.${self}: an activity cannot be its own prerequisite`, { field: `prerequisiteIds.${self}` });
  }
  requireKnownActivities(activities, activity.prerequisiteIds, 'prerequisiteIds');
  const cycle = findPrerequisiteCycle(activities);
  if (cycle) {
    throw new ValidationError(`prerequisiteIds: these prerequisites go round in a circle: ${cycle.join(' → ')}`, { field: 'prerequisiteIds', cycle });
  }
}
