// The roster feature: syncing a course's class list from the platform (NRPS) and showing it, bound to its dependencies.
import type { Logger } from '../../logger';
import type { NrpsClient } from '../../lti/nrps-client';
import type { CourseRecords } from '../../lti/store/course-records';
import type { PlatformRegistry } from '../../lti/store/platforms';
import { classList, type ClassList, type ClassListProps } from './use-cases/class-list';
import { syncRoster, type RosterSync, type SyncRosterProps } from './use-cases/sync-roster';
import { rosterRoutes, type RosterRoutesDeps } from './routes';
import type { Router } from 'express';

export type { ClassList, ClassListMember, ClassListProps } from './use-cases/class-list';
export { classListInScope } from './use-cases/class-list';
export type { RosterSync, SyncRosterProps } from './use-cases/sync-roster';

export interface RosterDeps {
  records: CourseRecords;
  registry: Pick<PlatformRegistry, 'get'>;
  nrps: NrpsClient;
  logger: Logger;
  now?: () => Date;
  /** A class list older than this is refreshed when someone opens it. Default 10 minutes. */
  staleAfterMs?: number;
}

export interface Roster {
  syncRoster(props: SyncRosterProps): Promise<RosterSync>;
  classList(props: ClassListProps): Promise<ClassList>;
}

export function createRoster(deps: RosterDeps): Roster {
  const now = deps.now ?? (() => new Date());
  // Teachers opening the list together share one sync; in-process, so two processes may each sync once, which is harmless.
  const inFlight = new Map<string, Promise<RosterSync>>();
  const sync = (props: SyncRosterProps): Promise<RosterSync> => {
    const { platformId, deploymentId, contextId } = props.context;
    const key = JSON.stringify([platformId, deploymentId, contextId]);
    let running = inFlight.get(key);
    if (!running) {
      running = syncRoster({ records: deps.records, nrps: deps.nrps, now }, props).finally(() => inFlight.delete(key));
      inFlight.set(key, running);
    }
    return running;
  };
  return {
    syncRoster: sync,
    classList: (props) =>
      classList({ records: deps.records, registry: deps.registry, logger: deps.logger, now, staleAfterMs: deps.staleAfterMs ?? 10 * 60_000, sync }, props),
  };
}

export interface RosterFeature {
  router: Router;
  /** The one class list of the app, shared with the learning routes (their scope rule reads it). */
  roster: Roster;
}

/** The roster and its endpoints; `studentsInScope` (who a non-teacher may see) comes from the learning routes. */
export function createRosterFeature(deps: { roster: Roster; studentsInScope: RosterRoutesDeps['studentsInScope'] }): RosterFeature {
  return { roster: deps.roster, router: rosterRoutes(deps) };
}
