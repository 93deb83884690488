// What queueing a class's grades costs the store: a teacher's grade needs no platform read (the gradebook rule sends
// a grade whatever the LMS), and grades queued together take their timestamps and their first insert in one write each.
import { afterEach, describe, expect, it } from 'vitest';
import { startGradesHarness, type GradesHarness } from './grades-harness';

let h: GradesHarness;
afterEach(async () => h?.stop());

describe('queueing grades', () => {
  it('a teacher’s grade is queued without reading the platform registration', async () => {
    h = await startGradesHarness({ monitorCommands: true });
    const students = h.addStudents(10);
    const commands = await h.commandsOf(() => Promise.all(students.map((userId) => h.queue(h.grade({ userId })))));
    expect(commands.filter((c) => c.includes('lti_platforms'))).toEqual([]);
  });

  it('progress still reads the platform, so Moodle hears nothing after a grade', async () => {
    h = await startGradesHarness({ quirks: 'moodle', monitorCommands: true });
    await h.queue(h.grade());
    const progress = h.grade({ score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Submitted', gradingProgress: 'PendingManual' } });
    expect(await h.grades.enqueueScore(progress)).toBeUndefined();
  });

  it('progress queued at once with grades is stored without the grade fields it left out, so it never reads as a grade', async () => {
    h = await startGradesHarness();
    const [student] = h.addStudents(1);
    await Promise.all([
      h.queue(h.grade()),
      h.grades.outbox.enqueue(h.grade({ userId: student, score: { scoreGiven: undefined, scoreMaximum: undefined, comment: undefined, activityProgress: 'Started', gradingProgress: 'NotReady' } })),
    ]);
    const progress = (await h.deliveries()).find((d) => d.userId === student);
    expect(progress?.score).toEqual({ activityProgress: 'Started', gradingProgress: 'NotReady' });
    expect(await h.grades.outbox.standingGrade(progress?.key ?? '')).toBeUndefined();
  });

  it('one grade alone is queued in two store commands: its timestamp and its insert', async () => {
    h = await startGradesHarness({ monitorCommands: true });
    await h.queue(h.grade({ userId: 'u-student-noor' }));
    const commands = await h.commandsOf(() => h.queue(h.grade()));
    expect(commands).toEqual(['findAndModify grade_score_clocks', 'insert grade_deliveries']);
  });

  it('thirty grades queued at once take their timestamps in one write and one read, and go in with one insert', async () => {
    h = await startGradesHarness({ monitorCommands: true });
    const students = h.addStudents(30);
    const commands = await h.commandsOf(() => Promise.all(students.map((userId) => h.queue(h.grade({ userId })))));
    const clockCommands = commands.filter((c) => c.endsWith('grade_score_clocks') && !c.startsWith('create'));
    expect(clockCommands).toHaveLength(2);
    expect(commands.filter((c) => c === 'insert grade_deliveries')).toHaveLength(1);
    const stored = await h.deliveries();
    expect(stored).toHaveLength(30);
    expect(stored.every((d) => d.state === 'waiting')).toBe(true);
  });

  it('grades for one cell queued at once still get timestamps a second apart, and only the last one waits', async () => {
    h = await startGradesHarness({ monitorCommands: true });
    const ids = await Promise.all([5, 6, 7, 8].map((scoreGiven) => h.queue(h.grade({ score: { scoreGiven, comment: String(scoreGiven) } }))));
    const stored = await h.deliveries();
    const stamps = ids.map((id) => stored.find((d) => d._id === id)?.timestamp.getTime() ?? NaN).sort((a, b) => a - b);
    for (let i = 1; i < stamps.length; i += 1) expect((stamps[i] ?? 0) - (stamps[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
    const waiting = stored.filter((d) => d.state === 'waiting');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.timestamp.getTime()).toBe(stamps[stamps.length - 1]);
    h.grades.worker.start();
    await h.drained();
    expect(h.acceptedScores().map((s) => (s.body as { scoreGiven?: number }).scoreGiven)).toEqual([8]);
  });
});
