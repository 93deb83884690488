import { describe, expect, it } from 'vitest';
import { classCoverage } from './class-coverage';
import { playbookCoverage, routeCoverage } from './coverage';
import { buildPlaybook, buildRoute, otherStudent } from './test-factories';

const playbook = buildPlaybook();

describe('3-3-5 coverage of a route', () => {
  it('counts activities and study load in every environment × form cell, also the empty ones', () => {
    const coverage = routeCoverage(playbook, buildRoute());
    expect(coverage.cells).toHaveLength(9);
    expect(coverage.cells.find((c) => c.environment === 'workplace' && c.form === 'self-study')).toEqual({
      environment: 'workplace',
      form: 'self-study',
      count: 2,
      studyLoadHours: 10,
      perType: { activation: 0, instruction: 0, application: 1, feedback: 0, reflection: 1 },
    });
    expect(coverage.cells.find((c) => c.environment === 'online' && c.form === 'collaborative')?.count).toBe(0);
    expect(coverage).toMatchObject({ count: 5, studyLoadHours: 18 });
  });

  it('gives each activity type, environment and form its own total', () => {
    const coverage = routeCoverage(playbook, buildRoute());
    expect(coverage.types.map((t) => `${t.type}:${t.count}:${t.studyLoadHours}`)).toEqual([
      'activation:1:2',
      'instruction:1:4',
      'application:1:8',
      'feedback:1:2',
      'reflection:1:2',
    ]);
    expect(coverage.environments.map((e) => e.count)).toEqual([1, 2, 2]);
    expect(coverage.forms.map((f) => f.count)).toEqual([3, 1, 1]);
  });

  it('leaves skipped activities out of the balance', () => {
    const route = buildRoute({ entries: [{ activityId: 'activate', status: 'skipped' }, { activityId: 'clip', status: 'planned' }] });
    expect(routeCoverage(playbook, route).count).toBe(1);
  });

  it('shows the designer how the catalogue fills the grid', () => {
    expect(playbookCoverage(playbook).count).toBe(playbook.activities.length);
  });
});

describe('coverage of a whole class', () => {
  const routes = [
    buildRoute(),
    buildRoute({ id: 'route-2', studentId: otherStudent.id, entries: [{ activityId: 'clip', status: 'done' }, { activityId: 'activate', status: 'planned' }] }),
  ];
  const coverage = classCoverage(playbook, routes);

  it('gives every student their count per activity type', () => {
    expect(coverage.students).toEqual([
      { studentId: 'stu-1', perType: { activation: 1, instruction: 1, application: 1, feedback: 1, reflection: 1 }, studyLoadHours: 18 },
      { studentId: 'stu-2', perType: { activation: 1, instruction: 1, application: 0, feedback: 0, reflection: 0 }, studyLoadHours: 5 },
    ]);
  });

  it('ranks activities by popularity and names the ones nobody chose', () => {
    expect(coverage.popularity[0]).toMatchObject({ activityId: 'activate', chosenBy: 2, done: 0 });
    expect(coverage.popularity.find((p) => p.activityId === 'clip')).toMatchObject({ chosenBy: 1, done: 1 });
    expect(coverage.neverChosen).toEqual(['simulation', 'coach-talk']);
    expect(coverage.popularity).toHaveLength(playbook.activities.length);
    expect(coverage.grid.count).toBe(7);
  });
});
