// Nederlandse teksten van beoordelen, het coachdashboard, het klasoverzicht en cijferlevering.
import type { gradingEn } from './grading.en';

export const gradingNl: Record<keyof typeof gradingEn, string> = {
  'grading.title': 'Beoordelen',
  'coach.title': 'Je studenten',
  'classOverview.title': 'Klasoverzicht',
};
