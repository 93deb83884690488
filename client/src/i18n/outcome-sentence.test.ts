import { describe, expect, it } from 'vitest';
import { composeOutcomeSentence, outcomeSentenceText } from './outcome-sentence';

const projectPlan = { verb: 'designs', subject: 'a project plan', standard: 'following PRINCE2', context: 'for a client in professional practice', competence: 'project management' };
const projectPlanNl = { verb: 'stelt op', subject: 'een projectplan', standard: 'volgens PRINCE2', context: 'voor een opdrachtgever in de beroepspraktijk', competence: 'projectmanagement' };

describe('the outcome sentence the teacher previews and the student reads', () => {
  it('in English it is the Tuning form: the student, the verb as the teacher wrote it, then object, standard, context and competence', () => {
    expect(outcomeSentenceText('en', projectPlan)).toBe(
      'The student designs a project plan following PRINCE2, for a client in professional practice (competence: project management).',
    );
  });

  it('in Dutch the particle of a separable verb goes after the object ("stelt … op")', () => {
    expect(outcomeSentenceText('nl', projectPlanNl)).toBe(
      'De student stelt een projectplan op volgens PRINCE2, voor een opdrachtgever in de beroepspraktijk (competentie: projectmanagement).',
    );
  });

  it('in Dutch a verb without a particle stays whole, with no double space where the particle would go', () => {
    expect(outcomeSentenceText('nl', { ...projectPlanNl, verb: 'ontwerpt' })).toBe(
      'De student ontwerpt een projectplan volgens PRINCE2, voor een opdrachtgever in de beroepspraktijk (competentie: projectmanagement).',
    );
  });

  it('never says "You designs": the third-person verb the teacher wrote always has "the student" as its subject', () => {
    for (const language of ['en', 'nl'] as const) expect(outcomeSentenceText(language, projectPlan)).not.toMatch(/^(You|Je) /);
  });

  it('marks each Tuning part, so the preview can highlight it, and names an empty part by its placeholder', () => {
    const pieces = composeOutcomeSentence('en', { ...projectPlan, standard: '  ' }, (part) => `[${part}]`);
    expect(pieces.filter((p) => p.part).map((p) => [p.part, p.text, Boolean(p.missing)])).toEqual([
      ['verb', 'designs', false],
      ['subject', 'a project plan', false],
      ['standard', '[standard]', true],
      ['context', 'for a client in professional practice', false],
      ['competence', 'project management', false],
    ]);
  });
});
