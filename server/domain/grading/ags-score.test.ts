import { describe, expect, it } from 'vitest';
import { activityProgressFor } from './activity-progress';
import { buildAgsScore, composeComment } from './ags-score';
import { applyGradeScale } from './grade-scales';
import { buildGradeInput } from './test-factories';

const grade = applyGradeScale({ scale: { kind: 'ten-point', mapping: { kind: 'linear' } }, result: buildGradeInput({ fraction: 0.7 }) });

describe('the AGS score for one student on one outcome', () => {
  it('a grade that stands is sent with score, maximum and a comment, and the activity is Completed', () => {
    const score = buildAgsScore({
      routeState: 'evidence-submitted',
      grade,
      gradeLabel: '7.3 (voldoende)',
      feedback: { overall: 'Goed gedaan.', criteria: [{ title: 'Analyse', levelLabel: 'Goed', comment: 'Scherp' }] },
    });
    expect(score).toEqual({
      scoreGiven: 7.3,
      scoreMaximum: 10,
      comment: '7.3 (voldoende)\nGoed gedaan.\n\nAnalyse: Goed — Scherp',
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
    });
  });

  it('a grade waiting for a second assessor is Pending and sends no score', () => {
    expect(buildAgsScore({ routeState: 'evidence-submitted', grade, awaitingSecondAssessor: true })).toEqual({
      activityProgress: 'Submitted', gradingProgress: 'Pending',
    });
  });

  it('handed-in evidence without a grade is PendingManual; before that NotReady', () => {
    expect(buildAgsScore({ routeState: 'evidence-submitted' })).toEqual({ activityProgress: 'Submitted', gradingProgress: 'PendingManual' });
    expect(buildAgsScore({ routeState: 'approved' })).toEqual({ activityProgress: 'Started', gradingProgress: 'NotReady' });
  });

  it('the comment leaves out empty feedback and falls back to the grade display', () => {
    expect(composeComment(grade.display)).toBe('7.3');
    expect(composeComment('V', { overall: '  ', criteria: [{ title: 'Design', levelLabel: 'Sufficient', comment: '' }] })).toBe('V\n\nDesign: Sufficient');
  });
});

describe('activity progress from route state', () => {
  it('Started when the route is approved, Submitted when evidence is handed in, Completed when graded', () => {
    expect(activityProgressFor('not-started')).toBe('Initialized');
    expect(activityProgressFor('draft')).toBe('Initialized');
    expect(activityProgressFor('awaiting-approval')).toBe('Initialized');
    expect(activityProgressFor('approved')).toBe('Started');
    expect(activityProgressFor('in-progress')).toBe('InProgress');
    expect(activityProgressFor('evidence-submitted')).toBe('Submitted');
    expect(activityProgressFor('graded')).toBe('Completed');
  });
});
