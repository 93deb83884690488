// The demo LMS page's own words, in English and Dutch.

export type DemoLanguage = 'en' | 'nl';

export interface DemoMessages {
  title: string;
  intro: string;
  course: string;
  members: string;
  name: string;
  role: string;
  language: string;
  roleNames: { teacher: string; assistant: string; coach: string; student: string };
  launchAsTeacher: string;
  launchAsCoach: string;
  launchAsStudent: string;
  launchAs: string;
  placeTool: string;
  placements: string;
  noTool: string;
  backToCourse: string;
  toolFrameTitle: string;
  switchLanguage: string;
  quirks: string;
  resetDemo: string;
  resetDone: string;
}

export const DEMO_MESSAGES: Record<DemoLanguage, DemoMessages> = {
  en: {
    title: 'Demo LMS',
    intro: 'A simulated learning platform. It launches the tool over LTI 1.3, the way Canvas, Moodle or Brightspace would.',
    course: 'Course',
    members: 'People',
    name: 'Name',
    role: 'Role',
    language: 'Language',
    roleNames: { teacher: 'Teacher', assistant: 'Teaching assistant', coach: 'Study coach', student: 'Student' },
    launchAsTeacher: 'Launch as teacher',
    launchAsCoach: 'Launch as coach',
    launchAsStudent: 'Launch as student',
    launchAs: 'Launch as',
    placeTool: 'Place the tool (deep linking)',
    placements: 'Placements in this course',
    noTool: 'No tool is registered with this LMS yet.',
    backToCourse: 'Back to the course',
    toolFrameTitle: 'The tool',
    switchLanguage: 'Nederlands',
    quirks: 'Behaves like',
    resetDemo: 'Reset the demo',
    resetDone: 'The demo course is back at its starting point.',
  },
  nl: {
    title: 'Demo-LMS',
    intro: 'Een gesimuleerde leeromgeving. Ze start de tool via LTI 1.3, zoals Canvas, Moodle of Brightspace dat doen.',
    course: 'Cursus',
    members: 'Deelnemers',
    name: 'Naam',
    role: 'Rol',
    language: 'Taal',
    roleNames: { teacher: 'Docent', assistant: 'Onderwijsassistent', coach: 'Studiecoach', student: 'Student' },
    launchAsTeacher: 'Start als docent',
    launchAsCoach: 'Start als coach',
    launchAsStudent: 'Start als student',
    launchAs: 'Start als',
    placeTool: 'Tool plaatsen (deep linking)',
    placements: 'Plaatsingen in deze cursus',
    noTool: 'Er is nog geen tool bij dit LMS geregistreerd.',
    backToCourse: 'Terug naar de cursus',
    toolFrameTitle: 'De tool',
    switchLanguage: 'English',
    quirks: 'Gedraagt zich als',
    resetDemo: 'Demo herstellen',
    resetDone: 'De democursus staat weer op het beginpunt.',
  },
};

/** `?lang=` wins, then the browser's Accept-Language, then English. */
export function pickLanguage(queryLang: unknown, acceptLanguage: string | undefined): DemoLanguage {
  if (queryLang === 'nl' || queryLang === 'en') return queryLang;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('nl') ? 'nl' : 'en';
}
