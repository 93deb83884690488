// Nederlandse teksten voor coaching in Playroute: coaches toewijzen, routes beoordelen vanuit de klas.
import type { coachingEn } from './coaching.en';

export const coachingNl: Record<keyof typeof coachingEn, string> = {
  'coaching.scope.own': 'Je studenten: door een docent aan jou toegewezen, of door je leeromgeving als de jouwe doorgegeven.',
  'coaching.scope.none': 'Er zijn nog geen studenten aan je toegewezen. Een docent van deze cursus kan je hun coach maken.',
  'coaching.review.title': 'Routes die wachten op goedkeuring',
  'coaching.review.none': 'Er wacht geen route op goedkeuring.',
  'coaching.review.open': 'Beoordelen',
  'coaching.review.openFor': 'De route van {name} beoordelen',
  'coaching.assign.title': 'Coaches',
  'coaching.assign.intro': 'Kies een docent of assistent van deze cursus en de studenten die hij of zij coacht. Die ziet precies die studenten onder "Mijn studenten".',
  'coaching.assign.coach': 'Coach',
  'coaching.assign.students': 'Studenten',
  'coaching.assign.select': '{name} selecteren',
  'coaching.assign.assign': 'Toewijzen aan geselecteerde studenten',
  'coaching.assign.unassign': 'Weghalen bij geselecteerde studenten',
  'coaching.assign.noStaff': 'De klassenlijst bevat geen docenten of assistenten om uit te kiezen.',
  'coaching.assign.coachesOf': 'Coaches',
  'coaching.assign.noCoach': 'nog geen coach',
  'coaching.assign.pickStudents': 'Selecteer minstens één student.',
  'coaching.assign.assigned': '{coach} coacht nu {count, plural, one {de geselecteerde student} other {de # geselecteerde studenten}}.',
  'coaching.assign.unassigned': '{coach} coacht {count, plural, one {de geselecteerde student} other {de # geselecteerde studenten}} niet meer.',
};
