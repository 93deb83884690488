// English interface text; every key here must also exist in nl.ts (the type checker enforces it).
export const en = {
  'app.name': 'Playroute',
  'app.tagline': 'Your own learning route, assessed on the same learning outcomes as everyone else.',
  'home.notLaunched': 'Playroute opens from your course in Canvas, Brightspace or Moodle.',
  'home.askTeacher': 'Open the Playroute link in your course. If there is none yet, ask your teacher to add it.',
  'language.label': 'Language',
  'language.nl': 'Nederlands',
  'language.en': 'English',
} as const;

export type MessageKey = keyof typeof en;
