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
   * One sentence template key with every part as a param, e.g. en:
   * "The professional {verb} {subject} for {competence}, applying {standard}, in {context}."
   * Dutch word order differs, which is why the client and not the domain owns the sentence.
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
