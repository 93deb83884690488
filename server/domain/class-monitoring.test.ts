import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, ENVIRONMENTS, LEARNING_FORMS } from './activity-grid';
import { classCoverage } from './class-coverage';
import { monitorClass, type MonitoredRoute } from './class-monitoring';
import { isStalled, lastProgressAt, neverStarted, routeProgress } from './monitoring';
import { ENTRY_STATUSES, type OwnActivity } from './route';
import { buildPlaybook, daysAfter, T0 } from './test-factories';

const playbook = buildPlaybook();
const CATALOGUE_IDS = playbook.activities.map((a) => a.id);
const OWN_IDS = ['own-1', 'own-2', 'own-3'];
// An id that is in neither (a withdrawn activity) and one own activity that shadows a catalogue id.
const IDS = [...CATALOGUE_IDS, ...OWN_IDS, 'gone', 'lecture'];

const ownActivityArb = (id: string): fc.Arbitrary<OwnActivity> =>
  fc.record({
    id: fc.constant(id),
    title: fc.constant(`Own ${id}`),
    description: fc.constant(''),
    environment: fc.constantFrom(...ENVIRONMENTS),
    form: fc.constantFrom(...LEARNING_FORMS),
    type: fc.constantFrom(...ACTIVITY_TYPES),
    // Fractions, so sums of hours depend on the order they are added in.
    studyLoadHours: fc.constantFrom(0.1, 0.2, 0.3, 1.7, 2, 4.35),
    status: fc.constantFrom('proposed' as const, 'approved' as const, 'rejected' as const),
  });

const routeArb = (studentId: string): fc.Arbitrary<MonitoredRoute> =>
  fc.record({
    studentId: fc.constant(studentId),
    entries: fc.array(
      fc.record(
        {
          activityId: fc.constantFrom(...IDS),
          status: fc.constantFrom(...ENTRY_STATUSES),
          statusChangedAt: fc.integer({ min: -40, max: 0 }).map((days) => daysAfter(T0, days)),
        },
        { requiredKeys: ['activityId', 'status'] },
      ),
      { maxLength: 12 },
    ),
    ownActivities: fc.subarray([...OWN_IDS, 'lecture']).chain((ids) => fc.tuple(...ids.map(ownActivityArb))),
    createdAt: fc.integer({ min: -60, max: 0 }).map((days) => daysAfter(T0, days)),
  });

const classArb = fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => routeArb(`s${i}`))));

describe('monitoring a class in one pass', () => {
  it('gives every route the progress, mix, last change, stall and start that the one-route functions give, and the class the same grid and popularity', () => {
    fc.assert(
      fc.property(classArb, fc.integer({ min: 1, max: 30 }), (routes, days) => {
        const now = T0;
        const monitored = monitorClass(playbook, routes, { now, days });
        const coverage = classCoverage(playbook, routes);
        expect(monitored.grid).toEqual(coverage.grid);
        expect(monitored.popularity).toEqual(coverage.popularity);
        expect(monitored.neverChosen).toEqual(coverage.neverChosen);
        expect([...monitored.routes.keys()]).toEqual(routes.map((r) => r.studentId));
        for (const route of routes) {
          expect(monitored.routes.get(route.studentId)).toEqual({
            progress: routeProgress(playbook, route),
            perType: coverage.students.find((s) => s.studentId === route.studentId)?.perType,
            lastProgressAt: lastProgressAt(route),
            stalled: isStalled(route, { now, days }),
            neverStarted: neverStarted(route),
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts a done catalogue activity for its popularity and a rejected own activity nowhere', () => {
    const route: MonitoredRoute = {
      studentId: 'daan',
      entries: [
        { activityId: 'lecture', status: 'done', statusChangedAt: daysAfter(T0, -2) },
        { activityId: 'own-1', status: 'in_progress' },
      ],
      ownActivities: [{ id: 'own-1', title: 'Own', description: '', environment: 'online', form: 'expert', type: 'instruction', studyLoadHours: 3, status: 'rejected' }],
      createdAt: daysAfter(T0, -20),
    };
    const monitored = monitorClass(playbook, [route], { now: T0, days: 7 });
    expect(monitored.routes.get('daan')).toMatchObject({ progress: { done: 1, total: 1, inProgress: 0, studyLoadDoneHours: 4 }, lastProgressAt: daysAfter(T0, -2), stalled: false });
    expect(monitored.popularity.find((p) => p.activityId === 'lecture')).toMatchObject({ chosenBy: 1, done: 1 });
    expect(monitored.grid.count).toBe(1);
  });
});
