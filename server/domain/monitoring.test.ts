import { describe, expect, it } from 'vitest';
import { isStalled, lastProgressAt, neverStarted, routeProgress, studentsWithoutRoute } from './monitoring';
import { buildPlaybook, buildRoute, daysAfter, T0 } from './test-factories';

const playbook = buildPlaybook();

describe('monitoring a route', () => {
  it('reports done out of total and the study load done, without skipped activities', () => {
    const route = buildRoute({
      entries: [
        { activityId: 'activate', status: 'done', statusChangedAt: daysAfter(T0, 1) },
        { activityId: 'lecture', status: 'in_progress', statusChangedAt: daysAfter(T0, 2) },
        { activityId: 'practice', status: 'planned' },
        { activityId: 'logbook', status: 'skipped', statusChangedAt: daysAfter(T0, 3) },
      ],
    });
    expect(routeProgress(playbook, route)).toEqual({
      done: 1,
      total: 3,
      inProgress: 1,
      skipped: 1,
      studyLoadDoneHours: 2,
      studyLoadTotalHours: 14,
      fraction: 1 / 3,
    });
    expect(lastProgressAt(route)).toEqual(daysAfter(T0, 3));
  });

  it('when nothing changed for the given number of days, the student has stalled', () => {
    const route = buildRoute({ entries: [{ activityId: 'activate', status: 'done', statusChangedAt: daysAfter(T0, 1) }, { activityId: 'lecture', status: 'planned' }] });
    expect(isStalled(route, { now: daysAfter(T0, 14), days: 14 })).toBe(false);
    expect(isStalled(route, { now: daysAfter(T0, 15), days: 14 })).toBe(true);
  });

  it('a route that never started counts from its creation and is flagged as never started', () => {
    const route = buildRoute();
    expect(neverStarted(route)).toBe(true);
    expect(isStalled(route, { now: daysAfter(T0, 10), days: 10 })).toBe(true);
  });

  it('a finished route never stalls', () => {
    const route = buildRoute({ entries: [{ activityId: 'activate', status: 'done', statusChangedAt: T0 }] });
    expect(isStalled(route, { now: daysAfter(T0, 100), days: 7 })).toBe(false);
    expect(routeProgress(playbook, route).fraction).toBe(1);
  });

  it('names the students on the roster who have no route yet', () => {
    expect(studentsWithoutRoute(['stu-1', 'stu-9'], [buildRoute()])).toEqual(['stu-9']);
  });
});
