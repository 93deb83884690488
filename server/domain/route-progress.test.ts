import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { markProgress } from './route-progress';
import { saveStudyPlan } from './study-plan';
import { buildPlaybook, buildRoute, coach, daysAfter, otherStudent, student, T0 } from './test-factories';

const day1 = daysAfter(T0, 1);
const day2 = daysAfter(T0, 2);

describe('marking progress', () => {
  it('when a student starts and finishes an activity, the times are kept and history tells the story', () => {
    const started = markProgress({ route: buildRoute(), actor: student, activityId: 'lecture', status: 'in_progress', now: day1 });
    const done = markProgress({ route: started, actor: student, activityId: 'lecture', status: 'done', now: day2 });
    expect(done.entries[1]).toEqual({ activityId: 'lecture', status: 'done', startedAt: day1, completedAt: day2, statusChangedAt: day2 });
    expect(done.history.map((h) => h.change)).toEqual([
      { kind: 'progress', activityId: 'lecture', from: 'planned', to: 'in_progress' },
      { kind: 'progress', activityId: 'lecture', from: 'in_progress', to: 'done' },
    ]);
  });

  it('progress on an approved route keeps it approved: following a route is not changing it', () => {
    const route = buildRoute({ status: 'approved' });
    expect(markProgress({ route, actor: student, activityId: 'activate', status: 'done', now: day1 }).status).toBe('approved');
  });

  it('a coach may mark progress for the student, another student may not', () => {
    expect(markProgress({ route: buildRoute(), actor: coach, activityId: 'activate', status: 'skipped', now: day1 }).entries[0]?.skippedAt).toBe(day1);
    expect(() => markProgress({ route: buildRoute(), actor: otherStudent, activityId: 'activate', status: 'done', now: day1 })).toThrow(DomainError);
  });

  it('an activity that is not in the route cannot be marked', () => {
    expect(() => markProgress({ route: buildRoute(), actor: student, activityId: 'clip', status: 'done', now: day1 })).toThrow(/not in this route/);
  });
});

describe('the study plan', () => {
  const plan = { ambition: 'A 9', demonstration: { description: 'Interview', evidenceForm: 'oral' as const, plannedDate: daysAfter(T0, 55) }, coachId: coach.id };

  it('when a student plans the assessment within a window, the plan is saved', () => {
    const saved = saveStudyPlan({ playbook: buildPlaybook(), route: buildRoute(), actor: student, plan, now: day1 });
    expect(saved.studyPlan).toEqual(plan);
    expect(saved.history.at(-1)?.change).toEqual({ kind: 'study_plan_saved' });
  });

  it('when the planned moment is outside every assessment window, it is refused', () => {
    const outside = { ...plan, demonstration: { ...plan.demonstration, plannedDate: daysAfter(T0, 70) } };
    expect(() => saveStudyPlan({ playbook: buildPlaybook(), route: buildRoute(), actor: student, plan: outside, now: day1 })).toThrow(
      expect.objectContaining({ code: 'outside_assessment_window' }),
    );
  });
});
