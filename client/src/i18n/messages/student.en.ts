// English texts of the student: route builder, progress, sessions, study plan, evidence, feedback.
export const studentEn = {
  'student.title': 'Your learning route',
} as const;
