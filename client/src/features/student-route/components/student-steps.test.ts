import { describe, expect, it } from 'vitest';
import { formatRemembered, openingStep, parseRemembered, stepForState } from './student-steps';

describe('which step the student page opens on', () => {
  it('before the coach approved a route, the student chooses a route', () => {
    expect(stepForState({ routeStatus: 'draft', graded: false })).toBe('route');
    expect(stepForState({ routeStatus: 'submitted', graded: false })).toBe('route');
    expect(stepForState({ routeStatus: 'returned', graded: false })).toBe('route');
  });

  it('with an approved route the student works and hands in; once graded, the student reads the feedback', () => {
    expect(stepForState({ routeStatus: 'approved', graded: false })).toBe('work');
    expect(stepForState({ routeStatus: 'approved', graded: true })).toBe('feedback');
  });

  it('after a reload the student comes back to the step they were on', () => {
    expect(openingStep({ step: 'outcome', basis: 'route' }, 'route')).toBe('outcome');
  });

  it('when the state moved on since (the coach approved), the new step wins over the old place', () => {
    expect(openingStep({ step: 'route', basis: 'route' }, 'work')).toBe('work');
    expect(openingStep(null, 'work')).toBe('work');
  });

  it('reads back only what it wrote; anything else in storage is ignored', () => {
    expect(parseRemembered(formatRemembered({ step: 'feedback', basis: 'work' }))).toEqual({ step: 'feedback', basis: 'work' });
    expect(parseRemembered('hack|route')).toBeNull();
    expect(parseRemembered(null)).toBeNull();
  });
});
