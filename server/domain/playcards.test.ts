import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from './activity-grid';
import { PLAYCARD_MESSAGES } from './playcard-messages';
import { PLAYCARD_ALIGNMENT_KEY, PLAYCARDS, playcardFor } from './playcards';

describe('playcards', () => {
  it('there is one card per activity type, each with blends and tools', () => {
    for (const type of ACTIVITY_TYPES) {
      const card = playcardFor(type);
      expect(card.type).toBe(type);
      expect(card.blends.length).toBeGreaterThan(0);
      expect(card.tools.length).toBeGreaterThan(0);
    }
  });

  it('every key a card uses has a Dutch and an English text, and no text is left without a key', () => {
    const keys = new Set([
      PLAYCARD_ALIGNMENT_KEY,
      ...Object.values(PLAYCARDS).flatMap((c) => [c.titleKey, c.whatKey, ...c.blends.map((b) => b.exampleKey), ...c.tools.map((t) => `playcard.tool.${t}`)]),
    ]);
    for (const language of ['nl', 'en'] as const) {
      expect(new Set(Object.keys(PLAYCARD_MESSAGES[language]))).toEqual(keys);
    }
  });
});
