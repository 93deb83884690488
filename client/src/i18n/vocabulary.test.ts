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

  it('the two languages name the same terms', () => {
    for (const group of ['type', 'environment', 'form', 'evidenceForm'] as const) expect(Object.keys(vocabulary.nl[group]).sort()).toEqual(Object.keys(vocabulary.en[group]).sort());
  });
});
