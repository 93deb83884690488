// The grading settings the settings screen reads and writes: defaults, a saved outcome's scale, rule and mastery, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOtherCourse, seedPlacement, startGradingHarness, type GradingHarness } from '../support/grading-seed';

interface SettingsAnswer {
  outcomes: { outcomeId: string; title: string; scale: Record<string, unknown>; scoringRule: Record<string, unknown>; mastery: Record<string, unknown>; priorLearningFourEyes: boolean }[];
  final: { rule: { kind: string }; weights: Record<string, number> };
}

const passFailCompensating = {
  scale: { kind: 'pass-fail' },
  scoringRule: { kind: 'compensatory', passFraction: 0.6 },
  mastery: { kind: 'decaying-average', latestWeight: 0.65, masteryFraction: 0.55 },
  priorLearningFourEyes: true,
};

describe('grading settings', () => {
  let g: GradingHarness;
  beforeAll(async () => {
    g = await startGradingHarness();
  });
  afterAll(async () => {
    await g.close();
  });

  const put = (token: string, path: string, body: unknown) => g.api(token, path, { method: 'PUT', body: JSON.stringify(body) });

  it('a teacher reads the defaults per outcome, saves an outcome’s scale, scoring rule and mastery method, and reads them back', async () => {
    const seeded = await seedPlacement(g);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const before = (await (await g.api(teacher, '/api/assessment/settings')).json()) as SettingsAnswer;
    expect(before.outcomes).toEqual([
      expect.objectContaining({ outcomeId: 'lo-plan', scale: { kind: 'ten-point', mapping: { kind: 'linear' }, passMark: 5.5 }, scoringRule: { kind: 'non-compensatory' }, mastery: { kind: 'most-recent' }, priorLearningFourEyes: false }),
    ]);

    const saved = await put(teacher, '/api/assessment/settings/outcomes/lo-plan', passFailCompensating);
    expect(saved.status, await saved.clone().text()).toBe(200);
    const after = (await (await g.api(teacher, '/api/assessment/settings')).json()) as SettingsAnswer;
    expect(after.outcomes[0]).toMatchObject({ outcomeId: 'lo-plan', ...passFailCompensating });
  });

  it('a compensating rule without its pass percentage, or an unknown outcome, is refused and nothing changes', async () => {
    const seeded = await seedPlacement(g);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const missing = await put(teacher, '/api/assessment/settings/outcomes/lo-plan', { ...passFailCompensating, scoringRule: { kind: 'compensatory' } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/^scoringRule\.passFraction:/);
    expect((await put(teacher, '/api/assessment/settings/outcomes/no-such-outcome', passFailCompensating)).status).toBe(404);
    const read = (await (await g.api(teacher, '/api/assessment/settings')).json()) as SettingsAnswer;
    expect(read.outcomes[0]?.scale).toEqual({ kind: 'ten-point', mapping: { kind: 'linear' }, passMark: 5.5 });
  });

  it('final-grade weights may only name outcomes of this playbook', async () => {
    const seeded = await seedPlacement(g);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const final = { rule: { kind: 'weighted', passFraction: 0.55, requireAllPass: false }, weights: { 'lo-plan': 2, 'lo-elsewhere': 3 }, scale: { kind: 'pass-fail' } };
    const refused = await put(teacher, '/api/assessment/settings/final', final);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^weights\.lo-elsewhere:/);
    const fine = await put(teacher, '/api/assessment/settings/final', { ...final, weights: { 'lo-plan': 2 } });
    expect(fine.status, await fine.clone().text()).toBe(200);
    expect(((await fine.json()) as SettingsAnswer).final.weights).toEqual({ 'lo-plan': 2 });
  });

  it('an assistant reads the settings but may not change them; a coach and a student may not read them; another course’s teacher never reaches them', async () => {
    const seeded = await seedPlacement(g);
    const assistant = await seeded.launch(g.h.lms.member('assistant').userId);
    expect((await g.api(assistant, '/api/assessment/settings')).status).toBe(200);
    expect((await put(assistant, '/api/assessment/settings/outcomes/lo-plan', passFailCompensating)).status).toBe(403);
    expect((await put(assistant, '/api/assessment/settings/final', { rule: { kind: 'all-must-pass' }, scale: { kind: 'pass-fail' } })).status).toBe(403);

    const coach = await seeded.launch(g.h.lms.member('coach').userId);
    expect((await g.api(coach, '/api/assessment/settings')).status).toBe(403);
    expect((await put(coach, '/api/assessment/settings/outcomes/lo-plan', passFailCompensating)).status).toBe(403);
    const student = await seeded.launch('u-student-daan');
    expect((await put(student, '/api/assessment/settings/outcomes/lo-plan', passFailCompensating)).status).toBe(403);

    // Another course's teacher acts on their own playbook, which has no lo-plan of this course's settings.
    const other = await seedOtherCourse(g);
    await put(other.teacher, '/api/assessment/settings/outcomes/lo-plan', passFailCompensating);
    const teacher = await seeded.launch(g.h.lms.member('teacher').userId);
    const read = (await (await g.api(teacher, '/api/assessment/settings')).json()) as SettingsAnswer;
    expect(read.outcomes[0]?.scale).toEqual({ kind: 'ten-point', mapping: { kind: 'linear' }, passMark: 5.5 });
  });
});
