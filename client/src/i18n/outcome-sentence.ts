// One composition of a learning outcome's Tuning parts, for the teacher's live preview and for the student alike,
// so the student reads exactly the sentence the designer promises ("as students will read it").
// The sentence is the Tuning form in the third person ("The student designs …"), because the teacher writes the
// verb as the student's action in the third person (the hint asks for "designs", "writes"); a "You …" frame made
// "You designs …". Dutch puts the particle of a separable verb ("stelt … op") after the object.
import { translate } from './catalogues';
import type { Language } from './format';

export const TUNING_PARTS = ['verb', 'competence', 'subject', 'standard', 'context'] as const;
export type TuningPart = (typeof TUNING_PARTS)[number];
export type TuningText = Record<TuningPart, string>;

const DUTCH_PARTICLES = new Set(['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'om', 'op', 'over', 'samen', 'terug', 'toe', 'uit', 'vast', 'voor', 'weg', 'vorm']);

export interface SentencePiece {
  text: string;
  /** The Tuning part this piece shows, or undefined for the words around them. */
  part?: TuningPart;
  /** True when the part is still empty and the piece is its placeholder. */
  missing?: boolean;
}

/**
 * The sentence in pieces, from the language's template `outcome.statement` (the same key the server's statement
 * message carries). `placeholder(part)` names an empty part, e.g. "[active verb]", so the teacher sees where it goes.
 */
export function composeOutcomeSentence(language: Language, tuning: TuningText, placeholder: (part: TuningPart) => string): SentencePiece[] {
  const piece = (part: TuningPart, text = tuning[part].trim()): SentencePiece => (text ? { text, part } : { text: placeholder(part), part, missing: true });
  const words = tuning.verb.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1];
  const particle = language === 'nl' && words.length > 1 && last !== undefined && DUTCH_PARTICLES.has(last.toLowerCase()) ? last : '';
  const filled: Record<string, SentencePiece | null> = {
    verb: particle ? piece('verb', words.slice(0, -1).join(' ')) : piece('verb'),
    particle: particle ? { text: particle, part: 'verb' } : null,
    subject: piece('subject'),
    standard: piece('standard'),
    context: piece('context'),
    competence: piece('competence'),
  };
  const pieces: SentencePiece[] = [];
  let dropSpace = false;
  for (const token of translate(language, 'outcome.statement').split(/(\{\w+\})/)) {
    const name = /^\{(\w+)\}$/.exec(token)?.[1];
    if (name === undefined) {
      const text = dropSpace ? token.replace(/^\s+/, '') : token;
      if (text) pieces.push({ text });
      dropSpace = false;
      continue;
    }
    const value = filled[name];
    // An absent particle takes the space after it along, so "ontwerpt een plan  volgens" has no double space.
    if (value) pieces.push(value);
    else dropSpace = true;
  }
  return pieces;
}

/** The sentence as plain text, for where no part needs highlighting (the student's view). */
export function outcomeSentenceText(language: Language, tuning: TuningText, placeholder: (part: TuningPart) => string = () => '…'): string {
  return composeOutcomeSentence(language, tuning, placeholder)
    .map((p) => p.text)
    .join('');
}
