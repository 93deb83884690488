// Nederlandse interfaceteksten; dezelfde sleutels als en.ts.
import type { MessageKey } from './en';

export const nl: Record<MessageKey, string> = {
  'app.name': 'Playroute',
  'app.tagline': 'Je eigen leerroute, beoordeeld op dezelfde leeruitkomsten als ieder ander.',
  'home.notLaunched': 'Playroute open je vanuit je cursus in Canvas, Brightspace of Moodle.',
  'home.askTeacher': 'Open de Playroute-link in je cursus. Staat die er nog niet, vraag je docent dan om hem toe te voegen.',
  'language.label': 'Taal',
  'language.nl': 'Nederlands',
  'language.en': 'English',
};
