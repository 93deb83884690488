import { describe, expect, it } from 'vitest';
import { keepReviews, reopenedIntake, submittedIntake, type IntakeResponse } from './index';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 9, minute));
const draft: IntakeResponse = {
  placements: [{ outcomeId: 'lo-1', rank: 2 }],
  diagnostics: [{ outcomeId: 'lo-1', answer: 'five steps' }],
  profile: { hoursPerWeek: 6 },
  status: 'draft',
};

describe('an intake submitted and reopened', () => {
  it('submitting records who and when; a teacher reopening makes it a draft again and records who, when and why', () => {
    const submitted = submittedIntake(draft, { by: 'student', at: at(1) });
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: at(1), history: [{ kind: 'submitted', by: 'student', at: at(1) }] });
    const reopened = reopenedIntake(submitted, { by: 'teacher', at: at(2), reason: 'Wrong outcome ticked' });
    expect(reopened.status).toBe('draft');
    expect(reopened.submittedAt).toBeUndefined();
    // The answers stay: the student corrects them rather than starting over.
    expect(reopened.placements).toEqual(draft.placements);
    expect(reopened.history).toEqual([
      { kind: 'submitted', by: 'student', at: at(1) },
      { kind: 'reopened', by: 'teacher', at: at(2), reason: 'Wrong outcome ticked' },
    ]);
    const again = submittedIntake(reopened, { by: 'student', at: at(3) });
    expect(again.history?.map((e) => e.kind)).toEqual(['submitted', 'reopened', 'submitted']);
  });

  it('only a submitted intake can be reopened', () => {
    expect(() => reopenedIntake(draft, { by: 'teacher', at: at(2) })).toThrow(/draft/);
  });

  it("a teacher's review stays with an unchanged answer and goes when the student rewrites it", () => {
    const review = { by: 'teacher', at: at(2), comment: 'No budget step', rank: 1 };
    const before = [
      { outcomeId: 'lo-1', answer: 'five steps', review },
      { outcomeId: 'lo-2', answer: 'a pitch', review },
    ];
    expect(keepReviews(before, [{ outcomeId: 'lo-1', answer: 'five steps' }, { outcomeId: 'lo-2', answer: 'a better pitch' }])).toEqual([
      { outcomeId: 'lo-1', answer: 'five steps', review },
      { outcomeId: 'lo-2', answer: 'a better pitch' },
    ]);
  });
});
