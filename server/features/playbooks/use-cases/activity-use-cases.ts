// The teacher fills the 3-3-5 grid: activities with their load, schedule and prerequisites.
import type { Activity, ActivityLink } from '../../../domain/activity';
import type { ActivityType, Environment, LearningForm } from '../../../domain/activity-grid';
import { NotFoundError } from '../../../errors';
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../data/playbook-repository';
import { requireSoundPrerequisites } from './activity-references';
import { changePlacementPlaybook, idMakerOf, type PlaybookDeps } from './placement-playbook';

/** A session without an id is new; keeping the ids of existing ones keeps the students signed up for them. */
export interface ActivityInput {
  title: string;
  description: string;
  environment: Environment;
  form: LearningForm;
  type: ActivityType;
  links: ActivityLink[];
  studyLoadHours: number;
  schedule:
    | { kind: 'asynchronous' }
    | { kind: 'synchronous'; sessions: { id?: string; startsAt: Date; endsAt?: Date; place: string; capacity: number }[] };
  prerequisiteIds: string[];
}

interface Edit {
  session: LaunchSession;
  revision: number;
}

/** What deleting an activity took with it, so the designer can tell the teacher. */
export interface Detached {
  recommendedRoute: boolean;
  requiredActivities: boolean;
  /** Activities that had it as a prerequisite. */
  prerequisiteOf: string[];
}

export async function createActivity(deps: PlaybookDeps, props: Edit & { activity: ActivityInput }): Promise<{ stored: StoredPlaybook; activityId: string }> {
  const newId = idMakerOf(deps);
  const activity = withIds(newId(), props.activity, newId);
  const stored = await changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => {
      const activities = [...playbook.activities, activity];
      requireSoundPrerequisites(activities, activity);
      return { playbook: { ...playbook, activities }, outcomes };
    },
  });
  return { stored, activityId: activity.id };
}

export function updateActivity(deps: PlaybookDeps, props: Edit & { activityId: string; activity: ActivityInput }): Promise<StoredPlaybook> {
  const activity = withIds(props.activityId, props.activity, idMakerOf(deps));
  return changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => {
      findActivityOf(playbook.activities, props.activityId);
      const activities = playbook.activities.map((a) => (a.id === activity.id ? activity : a));
      requireSoundPrerequisites(activities, activity);
      return { playbook: { ...playbook, activities }, outcomes };
    },
  });
}

/**
 * Deleting cascades rather than refusing: the activity also leaves the recommended route, the required
 * activities and every prerequisite list, so the design stays consistent, and the answer says what went.
 */
export async function deleteActivity(deps: PlaybookDeps, props: Edit & { activityId: string }): Promise<{ stored: StoredPlaybook; detached: Detached }> {
  const id = props.activityId;
  let detached: Detached = { recommendedRoute: false, requiredActivities: false, prerequisiteOf: [] };
  const stored = await changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => {
      findActivityOf(playbook.activities, id);
      const without = (ids: string[]) => ids.filter((other) => other !== id);
      detached = {
        recommendedRoute: playbook.recommendedRoute.includes(id),
        requiredActivities: playbook.rules.requiredActivityIds.includes(id),
        prerequisiteOf: playbook.activities.filter((a) => a.prerequisiteIds.includes(id)).map((a) => a.id),
      };
      const activities = playbook.activities.filter((a) => a.id !== id).map((a) => ({ ...a, prerequisiteIds: without(a.prerequisiteIds) }));
      const rules = { ...playbook.rules, requiredActivityIds: without(playbook.rules.requiredActivityIds) };
      return { playbook: { ...playbook, activities, recommendedRoute: without(playbook.recommendedRoute), rules }, outcomes };
    },
  });
  return { stored, detached };
}

/** Only activities of this placement's playbook are found: an id from another course is simply not there. */
export function findActivityOf(activities: Activity[], activityId: string): Activity {
  const activity = activities.find((a) => a.id === activityId);
  if (!activity) throw new NotFoundError(`This playbook has no activity ${activityId}.`);
  return activity;
}

function withIds(id: string, input: ActivityInput, newId: () => string): Activity {
  const schedule: Activity['schedule'] =
    input.schedule.kind === 'synchronous'
      ? { kind: 'synchronous', sessions: input.schedule.sessions.map((s) => ({ ...s, id: s.id ?? newId() })) }
      : { kind: 'asynchronous' };
  return { ...input, id, schedule, prerequisiteIds: [...new Set(input.prerequisiteIds)] };
}
