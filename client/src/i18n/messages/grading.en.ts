// English texts of grading, the coach dashboard, the class overview and grade delivery.
export const gradingEn = {
  'grading.title': 'Grading',
  'coach.title': 'Your students',
  'classOverview.title': 'Class overview',
} as const;
