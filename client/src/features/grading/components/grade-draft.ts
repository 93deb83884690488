// A half-filled grading form: kept per attempt until the grade is saved.
export interface GradeDraft {
  levels: Record<string, string>;
  comments: Record<string, string>;
  overall: string;
}

export const emptyDraft = (): GradeDraft => ({ levels: {}, comments: {}, overall: '' });
