import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import { vocabulary } from './vocabulary';

// A key such as student.form.expert, designer.m.form.expert or classOverview.form.expert names a grid term;
// whichever screen shows it, the words must be the one term of that language.
const TERM_KEY = /\.(type|environment|env|form|evidenceForm|claimKind)\.([\w-]+)$/;
const GROUP = { type: 'type', environment: 'environment', env: 'environment', form: 'form', evidenceForm: 'evidenceForm', claimKind: 'evidenceForm' } as const;

describe('one vocabulary for the grid and the forms of evidence', () => {
  for (const [language, catalogue] of [['en', en], ['nl', nl]] as const) {
    it(`every screen names each environment, form, type and form of evidence the same way in ${language}`, () => {
      const drift: string[] = [];
      let checked = 0;
      for (const [key, text] of Object.entries(catalogue)) {
        const match = TERM_KEY.exec(key);
        if (!match) continue;
        const terms: Record<string, string> = vocabulary[language][GROUP[match[1] as keyof typeof GROUP]];
        const term = terms[match[2] ?? ''];
        if (term === undefined) continue;
        checked++;
        if (text !== term) drift.push(`${key}: "${text}" is not "${term}"`);
      }
      expect(drift).toEqual([]);
      expect(checked).toBeGreaterThan(30);
    });
  }

  // Keys that name a dimension of the grid (a filter, a form field, a table header), checked by name.
  const DIMENSION_KEYS = {
    'student.grid.filterType': 'type',
    'student.grid.filterEnvironment': 'environment',
    'student.proposals.type': 'type',
    'student.proposals.environment': 'environment',
    'student.proposals.form': 'form',
    'designer.activity.type': 'type',
    'designer.activity.environment': 'environment',
    'designer.activity.form': 'form',
    'designer.playcard.choose': 'type',
    'classOverview.grid.environment': 'environment',
  } as const;

  for (const [language, catalogue] of [['en', en], ['nl', nl]] as const) {
    it(`every screen names the grid's dimensions the same way in ${language} ("Learning environment", not "Environment" here and there)`, () => {
      const drift = Object.entries(DIMENSION_KEYS)
        .filter(([key, dimension]) => catalogue[key as keyof typeof catalogue] !== vocabulary[language].dimension[dimension])
        .map(([key]) => `${key}: "${catalogue[key as keyof typeof catalogue]}"`);
      expect(drift).toEqual([]);
    });
  }

  it('the two languages name the same terms', () => {
    for (const group of ['dimension', 'type', 'environment', 'form', 'evidenceForm'] as const) expect(Object.keys(vocabulary.nl[group]).sort()).toEqual(Object.keys(vocabulary.en[group]).sort());
  });
});
