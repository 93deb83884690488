// Composes the Tuning parts into one readable sentence; Dutch puts the particle of a separable verb ("stelt … op") after the subject.
import type { Language } from '../../../i18n/translate';
import type { TuningPart } from '../api/types';

const DUTCH_PARTICLES = new Set(['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'om', 'op', 'over', 'samen', 'terug', 'toe', 'uit', 'vast', 'voor', 'weg', 'vorm']);

export interface SentencePiece {
  text: string;
  /** The Tuning part this piece shows, or undefined for the words around them. */
  part?: TuningPart;
  /** True when the part is still empty and the piece is its placeholder. */
  missing?: boolean;
}

/** `placeholder(part)` names an empty part, e.g. "[active verb]", so the teacher sees where it goes. */
export function composeSentence(language: Language, tuning: Record<TuningPart, string>, placeholder: (part: TuningPart) => string): SentencePiece[] {
  const piece = (part: TuningPart, text = tuning[part].trim()): SentencePiece => (text ? { text, part } : { text: placeholder(part), part, missing: true });
  if (language === 'nl') {
    const words = tuning.verb.trim().split(/\s+/).filter(Boolean);
    const last = words[words.length - 1];
    const separable = words.length > 1 && last !== undefined && DUTCH_PARTICLES.has(last.toLowerCase());
    const verb = separable ? piece('verb', words.slice(0, -1).join(' ')) : piece('verb');
    return [
      { text: 'De student ' },
      verb,
      { text: ' ' },
      piece('subject'),
      ...(separable && last ? [{ text: ' ' }, { text: last, part: 'verb' as const }] : []),
      { text: ' ' },
      piece('standard'),
      { text: ', ' },
      piece('context'),
      { text: ' (competentie: ' },
      piece('competence'),
      { text: ').' },
    ];
  }
  return [
    { text: 'The student ' },
    piece('verb'),
    { text: ' ' },
    piece('subject'),
    { text: ' ' },
    piece('standard'),
    { text: ', ' },
    piece('context'),
    { text: ' (competence: ' },
    piece('competence'),
    { text: ').' },
  ];
}
