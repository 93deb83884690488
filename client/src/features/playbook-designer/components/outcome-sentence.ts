// The teacher's live preview composes the outcome sentence with the same function as the student's view
// (i18n/outcome-sentence.ts), so the preview is exactly what students read.
export { composeOutcomeSentence as composeSentence, type SentencePiece } from '../../../i18n/outcome-sentence';
