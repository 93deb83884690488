import { describe, expect, it } from 'vitest';
import { decideScore, gradebookFamilyOf } from './gradebook-rule';

const teacherTen = { scoreGiven: 10, scoreMaximum: 10, comment: '10.0 — Excellent plan.' };
const started = { activityProgress: 'Started', gradingProgress: 'NotReady' } as const;
const submitted = { activityProgress: 'Submitted', gradingProgress: 'PendingManual' } as const;

describe('what goes to the gradebook for each event', () => {
  it('before any grade, progress goes as it is, in every LMS', () => {
    for (const family of ['moodle', 'canvas', 'brightspace', 'other'] as const) {
      expect(decideScore({ family, score: started })).toEqual({ send: true, score: started, carriesGrade: false });
    }
  });

  it('a new grade always goes, even over an older one', () => {
    const nine = { scoreGiven: 9, scoreMaximum: 10, activityProgress: 'Completed', gradingProgress: 'FullyGraded' } as const;
    expect(decideScore({ family: 'moodle', score: nine, standing: teacherTen })).toEqual({ send: true, score: nine, carriesGrade: true });
  });

  it('after a grade, Moodle hears nothing of a route approval or a new hand-in: it would store an empty grade and keeps no progress', () => {
    expect(decideScore({ family: 'moodle', score: started, standing: teacherTen })).toEqual({ send: false, reason: 'moodle-ignores-progress' });
    expect(decideScore({ family: 'moodle', score: submitted, standing: teacherTen }).send).toBe(false);
  });

  it('after a grade, Canvas, Brightspace and others get the same grade again, FullyGraded, with the new progress', () => {
    for (const family of ['canvas', 'brightspace', 'other'] as const) {
      expect(decideScore({ family, score: submitted, standing: teacherTen })).toEqual({
        send: true,
        carriesGrade: true,
        score: { scoreGiven: 10, scoreMaximum: 10, comment: '10.0 — Excellent plan.', activityProgress: 'Submitted', gradingProgress: 'FullyGraded' },
      });
    }
  });

  it('knows the LMS by its product family code', () => {
    expect(gradebookFamilyOf('moodle')).toBe('moodle');
    expect(gradebookFamilyOf('canvas')).toBe('canvas');
    expect(gradebookFamilyOf('desire2learn')).toBe('brightspace');
    expect(gradebookFamilyOf('playroute-demo-lms')).toBe('other');
    expect(gradebookFamilyOf(undefined)).toBe('other');
  });
});
