// The teacher sets the frame of the playbook: title and description, level, course start, rules, recommended route, assessment windows.
import type { AssessmentWindow, Playbook, RouteRules } from '../../../domain/playbook';
import type { SelfDirectionLevel } from '../../../domain/self-direction';
import type { LaunchSession } from '../../../lti/session-token';
import type { StoredPlaybook } from '../data/playbook-repository';
import { requireKnownActivities } from './activity-references';
import { changePlacementPlaybook, idMakerOf, type PlaybookDeps } from './placement-playbook';

interface Edit {
  session: LaunchSession;
  revision: number;
}

/** Only the fields given change; a courseStartDate of null clears it. */
export interface DetailsInput {
  title?: string;
  description?: string;
  selfDirectionLevel?: SelfDirectionLevel;
  courseStartDate?: Date | null;
}

export function updateDetails(deps: PlaybookDeps, props: Edit & { details: DetailsInput }): Promise<StoredPlaybook> {
  const { courseStartDate, ...rest } = props.details;
  return changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => {
      const given = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const changed: Playbook = { ...playbook, ...given };
      if (courseStartDate === null) delete changed.courseStartDate;
      else if (courseStartDate) changed.courseStartDate = courseStartDate;
      return { playbook: changed, outcomes };
    },
  });
}

/** Required activities must be in the catalogue; whether the recommended route still fits is the quality report's business. */
export function setRules(deps: PlaybookDeps, props: Edit & { rules: RouteRules }): Promise<StoredPlaybook> {
  return changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => {
      requireKnownActivities(playbook.activities, props.rules.requiredActivityIds, 'requiredActivityIds');
      return { playbook: { ...playbook, rules: props.rules }, outcomes };
    },
  });
}

/** A route in progress may still break the rules; publishing is where that is refused. */
export function setRecommendedRoute(deps: PlaybookDeps, props: Edit & { activityIds: string[] }): Promise<StoredPlaybook> {
  return changePlacementPlaybook(deps, {
    ...props,
    change: ({ playbook, outcomes }) => {
      requireKnownActivities(playbook.activities, props.activityIds, 'activityIds');
      return { playbook: { ...playbook, recommendedRoute: props.activityIds }, outcomes };
    },
  });
}

/** The list replaces the old one; a window without an id is new. */
export function setAssessmentWindows(
  deps: PlaybookDeps,
  props: Edit & { windows: (Omit<AssessmentWindow, 'id'> & { id?: string })[] },
): Promise<StoredPlaybook> {
  const newId = idMakerOf(deps);
  const assessmentWindows = props.windows.map((w) => ({ id: w.id ?? newId(), from: w.from, until: w.until }));
  return changePlacementPlaybook(deps, { ...props, change: ({ playbook, outcomes }) => ({ playbook: { ...playbook, assessmentWindows }, outcomes }) });
}
