// Composes the statement a learning outcome's Tuning parts form, without choosing a language.

import { message, type Message } from './messages';
import { TUNING_PARTS, type TuningPart, type TuningParts } from './outcome';

export interface StatementPart {
  part: TuningPart;
  text: string;
}

export interface OutcomeStatement {
  /** The parts in Tuning order, empty ones left out, for a client that renders them as chips or lines. */
  parts: StatementPart[];
  /**
   * One sentence template key with every part as a param. The client says it with the Tuning form
   * "The student {verb} {subject} {standard}, {context} (competence: {competence})." — one composition
   * (client/src/i18n/outcome-sentence.ts) for the teacher's preview and the student's view. Dutch word
   * order differs (a separable verb's particle moves), which is why the client and not the domain owns the sentence.
   */
  sentence: Message;
  /** Parts still empty: a statement is only complete with all five. */
  missing: TuningPart[];
}

export function composeOutcomeStatement(tuning: TuningParts): OutcomeStatement {
  const trimmed = TUNING_PARTS.map((part) => ({ part, text: tuning[part].trim() }));
  const parts = trimmed.filter((p) => p.text !== '');
  const missing = trimmed.filter((p) => p.text === '').map((p) => p.part);
  const params = Object.fromEntries(trimmed.map((p) => [p.part, p.text]));
  const key = missing.length === 0 ? 'outcome.statement' : 'outcome.statement_incomplete';
  return { parts, sentence: message(key, params), missing };
}
