// Nederlandse teksten van de student: routebouwer, voortgang, sessies, studieplan, bewijs, feedback.
import type { studentEn } from './student.en';

export const studentNl: Record<keyof typeof studentEn, string> = {
  'student.title': 'Je leerroute',
};
